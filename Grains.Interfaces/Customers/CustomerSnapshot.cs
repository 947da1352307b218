namespace O2C.Grains.Interfaces.Customers;

/// <summary>A customer as its invoices and dunning case need it to address and judge it.</summary>
[GenerateSerializer, Immutable, Alias("o2c.customer-snapshot")]
public sealed record CustomerSnapshot(
    [Id(0)] string CustomerId,
    [Id(1)] CustomerProfile Profile,
    [Id(2)] RiskProfile RiskProfile,
    [Id(3)] decimal OpenExposure,
    [Id(4)] string? OpenCaseId);
