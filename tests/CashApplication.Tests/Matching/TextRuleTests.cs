using O2C.CashApplication.Matching;
using static O2C.CashApplication.Tests.Matching.Ledger;

namespace O2C.CashApplication.Tests.Matching;

/// <summary>Rule 2: invoice numbers in the remittance text, as payers actually type them.</summary>
public sealed class TextRuleTests
{
    [Theory]
    [InlineData("Factuur INV-2026-1002", 95)]
    [InlineData("inv20261002", 95)]
    [InlineData("INV 2026 1002", 95)]
    [InlineData("INV2026/1002 bakkerij", 95)]
    [InlineData("Rechnung 2026-1002", 90)] // prefix left out: the amount confirms it
    [InlineData("RE20261002", 90)] // a prefix of their own glued on
    public void An_invoice_number_with_or_without_separators_is_found(string text, int confidence)
    {
        var result = CashMatcher.Match(Payment(250m, text), Snapshot());

        Assert.Equal((MatchOutcome.Applied, MatchRule.InvoiceNumberInText, confidence), (result.Outcome, result.Rule, result.Confidence));
        Assert.Equal("INV-2026-1002", Assert.Single(result.Allocations).InvoiceId);
    }

    [Fact]
    public void An_invoice_number_in_the_end_to_end_id_is_found_too()
    {
        var result = CashMatcher.Match(Payment(500m, endToEndId: "INV-2026-2002"), Snapshot());
        Assert.Equal(MatchRule.InvoiceNumberInText, result.Rule);
    }

    [Theory]
    [InlineData("INV-2026-1O03")] // letter O for zero
    [InlineData("INV-2026-1030")] // two digits swapped
    [InlineData("INV-2026-10003")] // one too many
    [InlineData("INV-2026-103")] // one missing: only 1003 is one edit away (1001, 1002, 1004 are two)
    public void One_typo_from_exactly_one_of_the_payers_invoices_is_accepted(string text)
    {
        var result = CashMatcher.Match(Payment(75.50m, text, iban: BakerIban), Snapshot());

        Assert.Equal((MatchOutcome.Applied, MatchRule.InvoiceNumberWithTypo, 90), (result.Outcome, result.Rule, result.Confidence));
        Assert.Equal("INV-2026-1003", Assert.Single(result.Allocations).InvoiceId);
        Assert.Contains("one typo", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_typo_from_an_unknown_payer_is_applied_only_when_the_amount_fits_too()
    {
        var exact = CashMatcher.Match(Payment(75.50m, "INV-2026-1O03"), Snapshot());
        Assert.Equal((MatchOutcome.Applied, 80), (exact.Outcome, exact.Confidence));

        var partial = CashMatcher.Match(Payment(50m, "INV-2026-1O03"), Snapshot());
        Assert.Equal((MatchOutcome.Queued, MatchRule.InvoiceNumberWithTypo, 75), (partial.Outcome, partial.Rule, partial.Confidence));
        Assert.Empty(partial.Allocations);
        var candidate = Assert.Single(partial.Candidates);
        Assert.Equal(("INV-2026-1003", 50m), (candidate.InvoiceId, candidate.ProposedAmount));
    }

    [Fact]
    public void A_typo_that_fits_several_invoices_is_queued_with_all_of_them()
    {
        // "INV-2026-100" is one character short of 1001, 1002, 1003 and 1004 alike.
        var result = CashMatcher.Match(Payment(99m, "INV-2026-100"), Snapshot());

        Assert.Equal((MatchOutcome.Queued, MatchRule.InvoiceNumberWithTypo, 50), (result.Outcome, result.Rule, result.Confidence));
        Assert.Empty(result.Allocations);
        Assert.Equal(["INV-2026-1001", "INV-2026-1002", "INV-2026-1003", "INV-2026-1004"], result.Candidates.Select(c => c.InvoiceId).Order(StringComparer.Ordinal));
        Assert.Contains("one typo from 4", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Named_invoices_get_a_short_payment_oldest_first_not_the_debtors_oldest_invoice()
    {
        var result = CashMatcher.Match(Payment(300m, "INV-2026-1004 en INV-2026-1003", iban: BakerIban), Snapshot());

        Assert.Equal((MatchOutcome.Applied, MatchRule.InvoiceNumberInText, 90), (result.Outcome, result.Rule, result.Confidence));
        Assert.Equal([("INV-2026-1003", 75.50m), ("INV-2026-1004", 224.50m)], result.Allocations.Select(a => (a.InvoiceId, a.Amount)));
        Assert.DoesNotContain(result.Allocations, a => a.InvoiceId == "INV-2026-1001");
        Assert.True(result.IsPartialPayment);
    }

    [Fact]
    public void Three_invoices_named_in_one_transfer_are_all_paid()
    {
        var result = CashMatcher.Match(Payment(425.50m, "INV-2026-1001, INV-2026-1002, INV-2026-1003"), Snapshot());
        Assert.Equal(MatchRule.InvoiceNumberInText, result.Rule);
        Assert.Equal(3, result.Allocations.Count);
        Assert.All(result.Allocations, a => Assert.True(a.SettlesInvoice));
    }

    [Fact]
    public void A_number_two_invoices_share_once_the_prefix_is_gone_is_ambiguous()
    {
        var snapshot = new MatchingSnapshot(
            [Invoice("INV-77001", "D-A", 10m, "2026-10-01"), Invoice("CN-77001", "D-B", 10m, "2026-10-01")],
            []);
        var result = CashMatcher.Match(Payment(10m, "payment 77001"), snapshot);
        Assert.Equal((MatchOutcome.Queued, MatchRule.InvoiceNumberInText), (result.Outcome, result.Rule));
        Assert.Equal(2, result.Candidates.Count);
    }

    [Fact]
    public void Digits_without_the_prefix_confirmed_by_neither_amount_nor_payer_are_queued()
    {
        // "20261002" might be the payer's own customer number; 99 is not what INV-2026-1002 owes, and the payer is unknown.
        var result = CashMatcher.Match(Payment(99m, "Kunde 20261002"), Snapshot());
        Assert.Equal((MatchOutcome.Queued, MatchRule.InvoiceNumberInText, 75), (result.Outcome, result.Rule, result.Confidence));
        Assert.Equal(("INV-2026-1002", 99m), (result.Candidates[0].InvoiceId, result.Candidates[0].ProposedAmount));

        var fromTheDebtor = CashMatcher.Match(Payment(99m, "Kunde 20261002", iban: BakerIban), Snapshot());
        Assert.Equal((MatchOutcome.Applied, MatchRule.InvoiceNumberInText), (fromTheDebtor.Outcome, fromTheDebtor.Rule));
    }

    [Fact]
    public void A_postcode_or_a_short_number_is_not_taken_for_an_invoice()
    {
        var snapshot = new MatchingSnapshot([Invoice("INV-1012", "D-A", 10m, "2026-10-01")], []);
        var result = CashMatcher.Match(Payment(10m, "Damrak 1, 1012 AB Amsterdam"), snapshot);
        Assert.Equal(MatchOutcome.Queued, result.Outcome);
    }
}
