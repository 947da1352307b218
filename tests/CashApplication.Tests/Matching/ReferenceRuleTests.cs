using O2C.CashApplication.Matching;
using O2C.CashApplication.References;
using static O2C.CashApplication.Tests.Matching.Ledger;

namespace O2C.CashApplication.Tests.Matching;

/// <summary>Rule 1: a structured reference with verified check digits, on an open invoice, is certain.</summary>
public sealed class ReferenceRuleTests
{
    [Fact]
    public void Our_RF_reference_in_the_structured_field_pays_its_invoice()
    {
        var result = CashMatcher.Match(Payment(250.00m, references: CreditorReference.Parse(Rf("INV-2026-1002"), "SCOR")), Snapshot());

        Assert.Equal((MatchOutcome.Applied, MatchRule.VerifiedReference, 100), (result.Outcome, result.Rule, result.Confidence));
        var allocation = Assert.Single(result.Allocations);
        Assert.Equal(("INV-2026-1002", 250.00m, true), (allocation.InvoiceId, allocation.Amount, allocation.SettlesInvoice));
        Assert.Equal(0m, result.Unallocated);
        Assert.Equal("D-BAKER", result.DebtorId);
        Assert.Contains("paid in full", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_RF_reference_typed_into_the_text_in_groups_and_lower_case_counts_as_structured()
    {
        var printed = CreditorReference.Format(Rf("INV-2026-1003")).ToLowerInvariant();
        var result = CashMatcher.Match(Payment(75.50m, $"betaling {printed}. dank u"), Snapshot());

        Assert.Equal(MatchRule.VerifiedReference, result.Rule);
        Assert.Equal("INV-2026-1003", Assert.Single(result.Allocations).InvoiceId);
    }

    [Fact]
    public void A_Belgian_OGM_pays_the_invoice_that_carries_it()
    {
        var result = CashMatcher.Match(Payment(300m, references: CreditorReference.Parse("123456789002", "SCOR", "BBA")), Snapshot());
        Assert.Equal((MatchOutcome.Applied, MatchRule.VerifiedReference), (result.Outcome, result.Rule));
        Assert.Equal("INV-2026-3001", Assert.Single(result.Allocations).InvoiceId);
    }

    [Fact]
    public void A_Belgian_OGM_typed_into_the_text_counts_too()
    {
        var result = CashMatcher.Match(Payment(300m, "mededeling 123/4567/89002"), Snapshot());
        Assert.Equal(MatchRule.VerifiedReference, result.Rule);
    }

    [Fact]
    public void A_Swiss_QR_reference_pays_in_francs()
    {
        var result = CashMatcher.Match(Payment(450m, currency: "CHF", references: CreditorReference.Parse(SwissQr, "QRR")), Snapshot());
        Assert.Equal(MatchRule.VerifiedReference, result.Rule);
        Assert.Equal("INV-2026-4001", Assert.Single(result.Allocations).InvoiceId);
    }

    [Fact]
    public void An_RF_reference_with_broken_check_digits_is_not_trusted_but_its_body_is_read_as_an_invoice_number()
    {
        var broken = "RF00" + Rf("INV-2026-1001")[4..];
        var result = CashMatcher.Match(Payment(100m, references: CreditorReference.Parse(broken, "SCOR")), Snapshot());

        Assert.Equal(MatchRule.InvoiceNumberInText, result.Rule);
        Assert.Equal("INV-2026-1001", Assert.Single(result.Allocations).InvoiceId);
        Assert.Contains(result.Trail, t => t.Contains("fails its Iso11649 check", StringComparison.Ordinal));
    }

    [Fact]
    public void A_verified_reference_no_open_invoice_carries_falls_through_to_the_next_rules_and_says_so()
    {
        var paidLongAgo = CreditorReference.Parse(Rf("INV-2025-0001"));
        var result = CashMatcher.Match(Payment(75.50m, iban: BakerIban, references: paidLongAgo), Snapshot());

        Assert.Equal(MatchRule.KnownPayerAndAmount, result.Rule);
        Assert.Contains(result.Trail, t => t.Contains("no open EUR invoice carries it", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reference_to_an_invoice_in_another_currency_is_never_applied()
    {
        var result = CashMatcher.Match(Payment(100m, references: CreditorReference.Parse(Rf("INV-2026-1005"))), Snapshot());
        Assert.DoesNotContain(result.Allocations, a => a.InvoiceId == "INV-2026-1005");
        Assert.DoesNotContain(result.Candidates, c => c.InvoiceId == "INV-2026-1005");
    }

    [Fact]
    public void A_structured_reference_without_check_digits_that_is_an_invoice_number_matches_at_90()
    {
        var result = CashMatcher.Match(Payment(500m, references: CreditorReference.Parse("INV-2026-2002", null, "ZKA")), Snapshot());
        Assert.Equal((MatchOutcome.Applied, MatchRule.UnverifiedReference, 90), (result.Outcome, result.Rule, result.Confidence));
    }

    [Fact]
    public void An_overpayment_on_a_reference_settles_the_invoice_and_leaves_the_rest_unallocated()
    {
        var result = CashMatcher.Match(Payment(120m, references: CreditorReference.Parse(Rf("INV-2026-1001"))), Snapshot());
        Assert.True(result.IsOverpayment);
        Assert.Equal(100m, result.Allocated);
        Assert.Equal(20m, result.Unallocated);
        Assert.Contains("overpaid by 20", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_payment_on_a_reference_is_a_partial_payment_of_that_invoice()
    {
        var result = CashMatcher.Match(Payment(40m, references: CreditorReference.Parse(Rf("INV-2026-1002"))), Snapshot());
        Assert.True(result.IsPartialPayment);
        var allocation = Assert.Single(result.Allocations);
        Assert.Equal(("INV-2026-1002", 40m, false), (allocation.InvoiceId, allocation.Amount, allocation.SettlesInvoice));
    }
}
