namespace O2C.Grains.Interfaces.Customers;

/// <summary>What a client sends to create or update a customer (already validated).</summary>
public sealed record CustomerProfile(
    string Name,
    string? Email,
    string? Phone,
    string Language,
    string Currency,
    string? Country,
    int PaymentTermDays,
    decimal CreditLimit,
    int? CreditScore,
    IReadOnlyList<Channel> PreferredChannels);
