using O2C.CashApplication.Matching;
using static O2C.CashApplication.Tests.Matching.Ledger;

namespace O2C.CashApplication.Tests.Matching;

public sealed class SnapshotTests
{
    [Fact]
    public void An_invoice_listed_twice_is_refused_with_its_id()
    {
        var error = Assert.Throws<ArgumentException>(() => new MatchingSnapshot([Invoice("INV-1", "D", 1m, "2026-01-01"), Invoice("INV-1", "D", 1m, "2026-01-01")], []));
        Assert.Contains("INV-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Applying_a_queued_result_changes_nothing_and_a_manual_allocation_does()
    {
        var snapshot = Snapshot();
        snapshot.Apply(CashMatcher.Match(Payment(42m, "?"), snapshot));
        Assert.Equal(100m, snapshot.OpenAmountOf("INV-2026-1001"));

        snapshot.Apply([new InvoiceAllocation("INV-2026-1001", "INV-2026-1001", "D-BAKER", 60m, false)]);
        Assert.Equal(40m, snapshot.OpenAmountOf("INV-2026-1001"));
        Assert.Equal(MatchRule.KnownPayerAndAmount, CashMatcher.Match(Payment(40m, iban: BakerIban), snapshot).Rule);
    }

    [Theory]
    [InlineData(-1, 12)]
    [InlineData(80, 1)]
    [InlineData(80, 30)]
    public void Options_out_of_range_are_refused(int threshold, int combine)
    {
        Assert.ThrowsAny<ArgumentException>(() => new MatchingOptions { ApplyThreshold = threshold, MaxInvoicesToCombine = combine }.Validate());
    }

    [Fact]
    public void The_default_options_are_valid()
    {
        MatchingOptions.Default.Validate();
        Assert.Equal(80, MatchingOptions.Default.ApplyThreshold);
    }
}
