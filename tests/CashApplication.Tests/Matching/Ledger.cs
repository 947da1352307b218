using O2C.CashApplication.Camt;
using O2C.CashApplication.Matching;
using O2C.CashApplication.References;

namespace O2C.CashApplication.Tests.Matching;

/// <summary>
/// The open-item list the matcher tests run against: a Dutch bakery with four open invoices, a German customer with two,
/// a Belgian one paying by OGM, a Swiss one by QR reference, and one invoice in dollars.
/// </summary>
internal static class Ledger
{
    public const string BakerIban = "NL20INGB0001234567";
    public const string MuellerIban = "DE89370400440532013000";

    public static readonly string DupontOgm = CreditorReference.CreateBelgianOgm(1234567890);
    public static readonly string SwissQr = CreditorReference.CreateSwissQr("20264001");

    public static List<OpenItem> Invoices() =>
    [
        Invoice("INV-2026-1001", "D-BAKER", 100.00m, "2026-10-01"),
        Invoice("INV-2026-1002", "D-BAKER", 250.00m, "2026-10-15"),
        Invoice("INV-2026-1003", "D-BAKER", 75.50m, "2026-11-01"),
        Invoice("INV-2026-1004", "D-BAKER", 250.00m, "2026-11-15"),
        Invoice("INV-2026-1005", "D-BAKER", 100.00m, "2026-09-01", currency: "USD"),
        Invoice("INV-2026-2001", "D-MUELLER", 1000.00m, "2026-09-30"),
        Invoice("INV-2026-2002", "D-MUELLER", 500.00m, "2026-10-30"),
        Invoice("INV-2026-3001", "D-DUPONT", 300.00m, "2026-10-20", reference: DupontOgm),
        Invoice("INV-2026-4001", "D-SWISS", 450.00m, "2026-10-20", currency: "CHF", reference: SwissQr),
    ];

    public static List<KnownPayer> Payers() =>
    [
        new("D-BAKER", BakerIban, "Bakkerij de Vries B.V."),
        new("D-MUELLER", MuellerIban, "Müller GmbH"),
        new("D-DUPONT", null, "Dupont SA"),
    ];

    public static MatchingSnapshot Snapshot() => new(Invoices(), Payers());

    /// <summary>Our own RF reference for an invoice number, made the way <c>PaymentReference.Create</c> makes it.</summary>
    public static string Rf(string invoiceNumber) => CreditorReference.CreateIso11649(invoiceNumber);

    public static OpenItem Invoice(string number, string debtor, decimal open, string due, string currency = "EUR", string? reference = null) =>
        new(number, number, debtor, reference ?? Rf(number), currency, open, DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture));

    public static BankPayment Payment(
        decimal amount,
        string text = "",
        string? iban = null,
        string? name = null,
        string currency = "EUR",
        CreditDebit direction = CreditDebit.Credit,
        string? endToEndId = null,
        params CreditorReference[] references) =>
        new($"P-{Guid.NewGuid():N}", amount, currency, direction, false, new DateOnly(2026, 12, 1), references, [], text, endToEndId, name, iban);
}
