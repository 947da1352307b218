namespace O2C.Grains.Interfaces.Customers;

/// <summary>What a client sends to create or update a customer (already validated).</summary>
[GenerateSerializer, Immutable, Alias("o2c.customer-profile")]
public sealed record CustomerProfile(
    [Id(0)] string Name,
    [Id(1)] string? Email,
    [Id(2)] string? Phone,
    [Id(3)] string Language,
    [Id(4)] string Currency,
    [Id(5)] string? Country,
    [Id(6)] int PaymentTermDays,
    [Id(7)] decimal CreditLimit,
    [Id(8)] int? CreditScore,
    [Id(9)] IReadOnlyList<Channel> PreferredChannels);
