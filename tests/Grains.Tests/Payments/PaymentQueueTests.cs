using O2C.Grains.Interfaces.Payments;
using O2C.Grains.Payments;

namespace O2C.Grains.Tests.Payments;

public sealed class PaymentQueueTests
{
    private static readonly OpenInvoice Old = new("INV-1", "C1", "RF45INV1", "EUR", 100m, new DateOnly(2026, 1, 10));
    private static readonly OpenInvoice Mid = new("INV-2", "C1", "RF18INV2", "EUR", 250m, new DateOnly(2026, 2, 10));
    private static readonly OpenInvoice Same = new("INV-3", "C2", "RF88INV3", "EUR", 100m, new DateOnly(2026, 1, 1));
    private static readonly OpenInvoice Dollars = new("INV-USD", "C1", "RF22INVUSD", "USD", 100m, new DateOnly(2025, 12, 1));

    [Fact]
    public void An_unmatched_payment_says_which_evidence_failed_and_lists_the_invoices_of_its_amount_oldest_first()
    {
        var view = PaymentQueue.Unmatched(new IncomingPayment(100m, "EUR", "INV-9", "RF00NOPE", null, "X"), [Old, Mid, Same, Dollars]);

        Assert.Equal(["INV-3", "INV-1"], view.Candidates.Select(c => c.InvoiceId));
        Assert.All(view.Candidates, c => Assert.Equal(0m, c.ProposedAmount));
        Assert.Equal(
            "Unmatched: invoice INV-9 is not open in EUR; reference RF00NOPE matches no open invoice in EUR; 2 open invoice(s) of exactly 100 EUR listed.",
            view.Explanation);
    }

    [Fact]
    public void A_payment_with_nothing_to_go_on_says_so()
    {
        var view = PaymentQueue.Unmatched(new IncomingPayment(7m, "EUR", null, null, null, null), [Old]);

        Assert.Empty(view.Candidates);
        Assert.Equal("Unmatched: no invoice id, reference or customer given.", view.Explanation);
    }

    [Fact]
    public void An_overpayment_proposes_its_surplus_to_the_customers_other_invoices_oldest_first_without_applying_it()
    {
        var applied = new PaymentAllocationResult("INV-9", 50m, 0m);

        var view = PaymentQueue.Overpaid(120m, "EUR", [applied], [Mid, Old, Dollars, new OpenInvoice("INV-9", "C1", "RF", "EUR", 0m, new DateOnly(2026, 1, 1))]);

        Assert.Equal([("INV-1", 100m), ("INV-2", 20m)], view.Candidates.Select(c => (c.InvoiceId, c.ProposedAmount)));
        Assert.StartsWith("Overpaid: 50 EUR applied to INV-9; 120 EUR stays as unapplied credit", view.Explanation, StringComparison.Ordinal);
    }
}
