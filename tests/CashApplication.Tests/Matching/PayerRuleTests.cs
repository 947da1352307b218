using O2C.CashApplication.Camt;
using O2C.CashApplication.Matching;
using static O2C.CashApplication.Tests.Matching.Ledger;

namespace O2C.CashApplication.Tests.Matching;

/// <summary>Rules 3 to 5: no invoice named, but a payer known from earlier payments.</summary>
public sealed class PayerRuleTests
{
    [Fact]
    public void A_known_IBAN_and_an_invoice_of_exactly_the_amount_match_at_90()
    {
        var result = CashMatcher.Match(Payment(75.50m, "bedankt", iban: "nl20 ingb 0001 2345 67"), Snapshot());

        Assert.Equal((MatchOutcome.Applied, MatchRule.KnownPayerAndAmount, 90), (result.Outcome, result.Rule, result.Confidence));
        Assert.Equal("INV-2026-1003", Assert.Single(result.Allocations).InvoiceId);
        Assert.Contains(result.Trail, t => t.Contains("paid for debtor D-BAKER before", StringComparison.Ordinal));
    }

    [Fact]
    public void A_known_name_alone_matches_at_80_which_a_stricter_threshold_queues()
    {
        var payment = Payment(500m, name: "MÜLLER GMBH");
        Assert.Equal((MatchOutcome.Applied, MatchRule.KnownPayerAndAmount, 80), Summary(CashMatcher.Match(payment, Snapshot())));

        var strict = CashMatcher.Match(payment, Snapshot(), new MatchingOptions { ApplyThreshold = 85 });
        Assert.Equal((MatchOutcome.Queued, MatchRule.KnownPayerAndAmount, 80), Summary(strict));
        Assert.Empty(strict.Allocations);
        Assert.Equal(("INV-2026-2002", 500m), (strict.Candidates[0].InvoiceId, strict.Candidates[0].ProposedAmount));
    }

    [Fact]
    public void Two_invoices_of_the_same_amount_take_the_older_and_name_the_other_as_candidate()
    {
        var result = CashMatcher.Match(Payment(250m, iban: BakerIban), Snapshot());

        Assert.Equal((MatchOutcome.Applied, MatchRule.KnownPayerAndAmount, 80), Summary(result));
        Assert.Equal("INV-2026-1002", Assert.Single(result.Allocations).InvoiceId);
        Assert.Equal("INV-2026-1004", Assert.Single(result.Candidates).InvoiceId);
    }

    [Fact]
    public void One_transfer_for_the_oldest_invoices_is_split_over_them()
    {
        var result = CashMatcher.Match(Payment(350m, iban: BakerIban), Snapshot());

        Assert.Equal((MatchOutcome.Applied, MatchRule.SumOfInvoices, 85), Summary(result));
        Assert.Equal([("INV-2026-1001", 100m), ("INV-2026-1002", 250m)], result.Allocations.Select(a => (a.InvoiceId, a.Amount)));
    }

    [Fact]
    public void One_transfer_for_three_invoices_that_are_not_the_oldest_is_found_among_the_combinations()
    {
        // 100 + 75.50 + 250 (1004): not a run of the oldest, and no other combination makes 425.50 without 1002.
        var snapshot = new MatchingSnapshot(
            [
                Invoice("INV-1", "D-X", 100m, "2026-09-01"),
                Invoice("INV-2", "D-X", 999m, "2026-09-02"),
                Invoice("INV-3", "D-X", 75.50m, "2026-09-03"),
                Invoice("INV-4", "D-X", 250m, "2026-09-04"),
            ],
            [new KnownPayer("D-X", "NL02ABNA0123456789", null)]);
        var result = CashMatcher.Match(Payment(425.50m, iban: "NL02ABNA0123456789"), snapshot);

        Assert.Equal((MatchOutcome.Applied, MatchRule.SumOfInvoices, 80), Summary(result));
        Assert.Equal(["INV-1", "INV-3", "INV-4"], result.Allocations.Select(a => a.InvoiceId));
    }

    [Fact]
    public void Several_combinations_of_the_amount_are_queued_with_their_invoices_when_only_the_name_is_known()
    {
        var snapshot = new MatchingSnapshot(
            [Invoice("A-1", "D-Y", 10m, "2026-09-01"), Invoice("A-2", "D-Y", 20m, "2026-09-02"), Invoice("A-3", "D-Y", 30m, "2026-09-03"), Invoice("A-4", "D-Y", 40m, "2026-09-04")],
            [new KnownPayer("D-Y", null, "Yellow Trading Ltd")]);
        var result = CashMatcher.Match(Payment(50m, name: "Yellow Trading"), snapshot);

        Assert.Equal(MatchOutcome.Queued, result.Outcome);
        Assert.Equal(["A-1", "A-2", "A-3", "A-4"], result.Candidates.Select(c => c.InvoiceId).Order(StringComparer.Ordinal));
        Assert.Contains(result.Trail, t => t.StartsWith("Several combinations", StringComparison.Ordinal));
    }

    [Fact]
    public void The_combination_search_is_bounded_to_the_oldest_invoices()
    {
        var invoices = Enumerable.Range(1, 20).Select(i => Invoice($"B-{i:00}", "D-Z", 1000m + i, $"2026-01-{i:00}")).ToList();
        var snapshot = new MatchingSnapshot(invoices, [new KnownPayer("D-Z", "NL02ABNA0123456789", null)]);

        // B-19 + B-20 lie beyond the twelve oldest: no combination is found, and the partial rule takes over.
        var result = CashMatcher.Match(Payment(1019m + 1020m, iban: "NL02ABNA0123456789"), snapshot);

        Assert.Equal(MatchRule.OldestFirst, result.Rule);
        Assert.Contains(result.Trail, t => t.Contains("Only the 12 oldest of debtor D-Z's 20", StringComparison.Ordinal));
    }

    [Fact]
    public void A_partial_payment_from_a_known_IBAN_goes_to_the_oldest_invoice_first()
    {
        var result = CashMatcher.Match(Payment(150m, iban: BakerIban), Snapshot());

        Assert.Equal((MatchOutcome.Applied, MatchRule.OldestFirst, 80), Summary(result));
        Assert.Equal([("INV-2026-1001", 100m, true), ("INV-2026-1002", 50m, false)], result.Allocations.Select(a => (a.InvoiceId, a.Amount, a.SettlesInvoice)));
        Assert.True(result.IsPartialPayment);
        Assert.Contains("partial: 50", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_partial_payment_known_only_by_name_is_queued_with_the_oldest_first_proposal()
    {
        var result = CashMatcher.Match(Payment(1200m, name: "Muller GmbH"), Snapshot());

        Assert.Equal((MatchOutcome.Queued, MatchRule.OldestFirst, 60), Summary(result));
        Assert.Equal([("INV-2026-2001", 1000m), ("INV-2026-2002", 200m)], result.Candidates.Select(c => (c.InvoiceId, c.ProposedAmount)));
    }

    [Fact]
    public void More_than_a_known_payer_owes_settles_everything_and_leaves_the_rest()
    {
        var result = CashMatcher.Match(Payment(2000m, iban: MuellerIban), Snapshot());
        Assert.Equal(MatchOutcome.Applied, result.Outcome);
        Assert.Equal(1500m, result.Allocated);
        Assert.True(result.IsOverpayment);
        Assert.Equal(500m, result.Unallocated);
    }

    [Fact]
    public void A_stranger_is_queued_with_the_invoices_of_exactly_the_amount()
    {
        var result = CashMatcher.Match(Payment(250m, "gift", iban: "GB33BUKB20201555555555", name: "Somebody Else"), Snapshot());

        Assert.Equal((MatchOutcome.Queued, MatchRule.None, 0), Summary(result));
        Assert.Equal(["INV-2026-1002", "INV-2026-1004"], result.Candidates.Select(c => c.InvoiceId));
        Assert.Equal(250m, result.Unallocated);
        Assert.StartsWith("Unmatched", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_IBAN_shared_by_two_debtors_identifies_neither_unless_the_name_tells()
    {
        var snapshot = new MatchingSnapshot(
            [Invoice("G-1", "D-GROUP-A", 10m, "2026-09-01"), Invoice("G-2", "D-GROUP-B", 10m, "2026-09-01")],
            [new KnownPayer("D-GROUP-A", "NL02ABNA0123456789", "Group A"), new KnownPayer("D-GROUP-B", "NL02ABNA0123456789", "Group B")]);

        Assert.Equal(MatchOutcome.Queued, CashMatcher.Match(Payment(10m, iban: "NL02ABNA0123456789"), snapshot).Outcome);
        var named = CashMatcher.Match(Payment(10m, iban: "NL02ABNA0123456789", name: "GROUP B"), snapshot);
        Assert.Equal("G-2", Assert.Single(named.Allocations).InvoiceId);
    }

    [Fact]
    public void Debits_and_reversals_are_ignored()
    {
        var debit = CashMatcher.Match(Payment(100m, references: O2C.CashApplication.References.CreditorReference.Parse(Rf("INV-2026-1001")), direction: CreditDebit.Debit), Snapshot());
        Assert.Equal(MatchOutcome.Ignored, debit.Outcome);
        Assert.Empty(debit.Allocations);

        var reversal = CashMatcher.Match(Payment(100m) with { IsReversal = true }, Snapshot());
        Assert.Equal(MatchOutcome.Ignored, reversal.Outcome);
    }

    private static (MatchOutcome, MatchRule, int) Summary(MatchResult result) => (result.Outcome, result.Rule, result.Confidence);
}
