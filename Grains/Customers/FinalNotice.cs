namespace O2C.Grains.Customers;

/// <summary>A case of this customer that reached the final notice, and when.</summary>
public sealed record FinalNotice(string CaseId, DateOnly ReachedOn);
