using O2C.CashApplication.Matching;

namespace O2C.Api.BankStatements;

/// <summary><c>O2C:CashApplication</c>: how bold the matcher may be, and how big a statement upload may get.</summary>
public sealed class BankStatementOptions
{
    public const string Section = "O2C:CashApplication";

    /// <summary>Confidence (0-100) from which a match is booked without a collector; below it the entry is queued.</summary>
    public int ApplyThreshold { get; set; } = MatchingOptions.Default.ApplyThreshold;

    /// <summary>Only the payer's oldest this-many open invoices are combined in the one-to-many search (2 to 20).</summary>
    public int MaxInvoicesToCombine { get; set; } = MatchingOptions.Default.MaxInvoicesToCombine;

    /// <summary>Candidates kept with a queued entry.</summary>
    public int MaxCandidates { get; set; } = MatchingOptions.Default.MaxCandidates;

    /// <summary>Largest camt.053 upload; a 20,000-entry statement is about 10 MB.</summary>
    public long MaxStatementBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Payment grains booking an import's matched entries at once.</summary>
    public int MaxPaymentsInFlight { get; set; } = 32;

    public MatchingOptions Matching => new()
    {
        ApplyThreshold = ApplyThreshold,
        MaxInvoicesToCombine = MaxInvoicesToCombine,
        MaxCandidates = MaxCandidates,
    };
}
