using O2C.Grains.Interfaces.Customers;

namespace O2C.Bench.Ceilings;

/// <summary>A customer as the scenarios create it: a credit limit no order reaches, e-mail only.</summary>
public static class SampleCustomer
{
    public static CustomerProfile Profile(int i, int? creditScore, int paymentTermDays = 30) => new(
        $"Bench Customer {i} B.V.",
        $"ap{i}@customer.example",
        "+31201234567",
        (i % 4) switch { 0 => "en", 1 => "nl", 2 => "de", _ => "fr" },
        "EUR",
        "NL",
        paymentTermDays,
        1_000_000_000m,
        creditScore,
        [Channel.Email]);
}
