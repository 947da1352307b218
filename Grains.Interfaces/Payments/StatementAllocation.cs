namespace O2C.Grains.Interfaces.Payments;

/// <summary>Part of a bank statement payment to apply to one invoice; <paramref name="CustomerId"/> is the invoice's, so the payer can be learnt.</summary>
[GenerateSerializer, Immutable, Alias("o2c.statement-allocation")]
public sealed record StatementAllocation([Id(0)] string InvoiceId, [Id(1)] string CustomerId, [Id(2)] decimal Amount);
