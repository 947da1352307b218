namespace O2C.Grains.Interfaces.Customers;

/// <summary>A customer as its invoices and dunning case need it to address and judge it.</summary>
public sealed record CustomerSnapshot(
    string CustomerId,
    CustomerProfile Profile,
    RiskProfile RiskProfile,
    decimal OpenExposure,
    string? OpenCaseId);
