using O2C.Grains.Payments;

namespace O2C.Grains.Tests.Payments;

public sealed class PaymentMatcherTests
{
    private static readonly OpenInvoice Old = new("INV-1", "C1", "RF45INV1", "EUR", 100m, new DateOnly(2026, 1, 10));
    private static readonly OpenInvoice Mid = new("INV-2", "C1", "RF18INV2", "EUR", 250m, new DateOnly(2026, 2, 10));
    private static readonly OpenInvoice New = new("INV-3", "C1", "RF88INV3", "EUR", 100m, new DateOnly(2026, 3, 10));
    private static readonly OpenInvoice Other = new("INV-9", "C2", "RF11INV9", "EUR", 250m, new DateOnly(2026, 1, 1));
    private static readonly OpenInvoice Dollars = new("INV-USD", "C1", "RF22INVUSD", "USD", 500m, new DateOnly(2025, 12, 1));

    private static readonly OpenInvoice[] Candidates = [New, Other, Mid, Old, Dollars];

    private static IncomingPayment Payment(decimal amount, string? invoiceId = null, string? reference = null, string? customerId = null, string currency = "EUR") =>
        new(amount, currency, invoiceId, reference, customerId, "ACME B.V.");

    [Fact]
    public void MatchesByInvoiceIdFirst()
    {
        var match = PaymentMatcher.Match(Payment(250m, invoiceId: "inv-2", reference: "RF45INV1"), Candidates);

        Assert.Equal(MatchedBy.InvoiceId, match.MatchedBy);
        Assert.Equal([new PaymentAllocation("INV-2", 250m)], match.Allocations);
        Assert.Equal(0m, match.Unallocated);
    }

    [Fact]
    public void MatchesByReferenceIgnoringCaseAndSpaces()
    {
        var match = PaymentMatcher.Match(Payment(100m, reference: "rf88 inv3"), Candidates);

        Assert.Equal(MatchedBy.Reference, match.MatchedBy);
        Assert.Equal([new PaymentAllocation("INV-3", 100m)], match.Allocations);
    }

    [Fact]
    public void UnknownInvoiceIdFallsThroughToReference()
    {
        var match = PaymentMatcher.Match(Payment(100m, invoiceId: "INV-404", reference: "RF45INV1"), Candidates);

        Assert.Equal(MatchedBy.Reference, match.MatchedBy);
        Assert.Equal("INV-1", Assert.Single(match.Allocations).InvoiceId);
    }

    [Fact]
    public void MatchesCustomerAndExactAmountOldestFirst()
    {
        var match = PaymentMatcher.Match(Payment(100m, customerId: "C1"), Candidates);

        Assert.Equal(MatchedBy.CustomerAndAmount, match.MatchedBy);
        Assert.Equal([new PaymentAllocation("INV-1", 100m)], match.Allocations);
    }

    [Fact]
    public void ExactAmountBeatsOlderInvoices()
    {
        var match = PaymentMatcher.Match(Payment(250m, customerId: "C1"), Candidates);

        Assert.Equal(MatchedBy.CustomerAndAmount, match.MatchedBy);
        Assert.Equal([new PaymentAllocation("INV-2", 250m)], match.Allocations);
    }

    [Fact]
    public void CustomerPaymentSpansInvoicesOldestDueFirst()
    {
        var match = PaymentMatcher.Match(Payment(300m, customerId: "C1"), Candidates);

        Assert.Equal(MatchedBy.CustomerOldestFirst, match.MatchedBy);
        Assert.Equal([new PaymentAllocation("INV-1", 100m), new PaymentAllocation("INV-2", 200m)], match.Allocations);
        Assert.Equal(0m, match.Unallocated);
    }

    [Fact]
    public void OverpaymentIsReportedAsUnallocated()
    {
        var match = PaymentMatcher.Match(Payment(500m, customerId: "C1"), Candidates);

        Assert.Equal(["INV-1", "INV-2", "INV-3"], match.Allocations.Select(a => a.InvoiceId));
        Assert.Equal(450m, match.Allocated);
        Assert.Equal(50m, match.Unallocated);
    }

    [Fact]
    public void PartialPaymentAllocatesWhatThereIs()
    {
        var match = PaymentMatcher.Match(Payment(60m, invoiceId: "INV-2"), Candidates);

        Assert.Equal([new PaymentAllocation("INV-2", 60m)], match.Allocations);
        Assert.Equal(0m, match.Unallocated);
    }

    [Fact]
    public void ReferencedPaymentWithCustomerKeepsTheOverpaymentInsteadOfSpreadingIt()
    {
        // Issue 16: the payer named INV-3; the surplus is unapplied credit, not a payment of invoices it did not name.
        var match = PaymentMatcher.Match(Payment(400m, reference: "RF88INV3", customerId: "C1"), Candidates);

        Assert.Equal(MatchedBy.Reference, match.MatchedBy);
        Assert.Equal([new PaymentAllocation("INV-3", 100m)], match.Allocations);
        Assert.Equal(300m, match.Unallocated);
    }

    [Fact]
    public void InvoiceIdWithCustomerKeepsTheOverpaymentToo()
    {
        var match = PaymentMatcher.Match(Payment(180m, invoiceId: "INV-1", customerId: "C1"), Candidates);

        Assert.Equal([new PaymentAllocation("INV-1", 100m)], match.Allocations);
        Assert.Equal(80m, match.Unallocated);
    }

    [Fact]
    public void ReferencedPaymentWithoutCustomerKeepsTheOverpayment()
    {
        var match = PaymentMatcher.Match(Payment(130m, reference: "RF45INV1"), Candidates);

        Assert.Equal([new PaymentAllocation("INV-1", 100m)], match.Allocations);
        Assert.Equal(30m, match.Unallocated);
    }

    [Fact]
    public void NothingToGoOnIsUnmatched()
    {
        var match = PaymentMatcher.Match(Payment(100m, reference: "RF00NOPE"), Candidates);

        Assert.False(match.IsMatched);
        Assert.Empty(match.Allocations);
        Assert.Equal(100m, match.Unallocated);
    }

    [Fact]
    public void UnknownCustomerIsUnmatched()
    {
        Assert.Equal(MatchedBy.Unmatched, PaymentMatcher.Match(Payment(100m, customerId: "C404"), Candidates).MatchedBy);
    }

    [Fact]
    public void CurrencyMismatchIsNotMatched()
    {
        Assert.Equal(MatchedBy.Unmatched, PaymentMatcher.Match(Payment(500m, invoiceId: "INV-USD"), Candidates).MatchedBy);
        Assert.Equal(MatchedBy.Unmatched, PaymentMatcher.Match(Payment(100m, invoiceId: "INV-1", currency: "USD"), [Old]).MatchedBy);
        Assert.Equal(MatchedBy.Unmatched, PaymentMatcher.Match(Payment(100m, reference: "RF45INV1", customerId: "C1", currency: "GBP"), Candidates).MatchedBy);
    }

    [Fact]
    public void CustomerPaymentInDollarsOnlyTouchesDollarInvoices()
    {
        var match = PaymentMatcher.Match(Payment(600m, customerId: "C1", currency: "USD"), Candidates);

        Assert.Equal([new PaymentAllocation("INV-USD", 500m)], match.Allocations);
        Assert.Equal(100m, match.Unallocated);
    }

    [Fact]
    public void NonPositiveAmountIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PaymentMatcher.Match(Payment(0m, customerId: "C1"), Candidates));
    }
}
