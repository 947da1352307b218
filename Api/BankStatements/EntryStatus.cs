namespace O2C.Api.BankStatements;

/// <summary>What became of one payment of a statement entry.</summary>
public enum EntryStatus
{
    /// <summary>Applied to invoices, all of it.</summary>
    Matched,

    /// <summary>Applied, with money left over (an overpayment): the payment is <c>PaymentStatus.Overpaid</c>, its surplus in the queue.</summary>
    PartiallyMatched,

    /// <summary>Not applied: below the confidence threshold, or nothing found. Waits for a collector with its candidates.</summary>
    Unmatched,

    /// <summary>A debit or a reversal: kept on record, never matched.</summary>
    Ignored,

    /// <summary>The entry could not be read (an amount without a decimal point, no CdtDbtInd ...): the reason says why.</summary>
    Unreadable,
}
