namespace O2C.Api.Orders;

/// <summary>One result per order of a batch, in the order they were sent, with the counts.</summary>
public sealed record OrderBatchResult(int Invoiced, int OnHold, int Duplicate, int Rejected, IReadOnlyList<OrderView> Results);
