namespace O2C.CashApplication.Camt;

public enum EntryKeyKind
{
    /// <summary>The bank's own reference for the booking (<c>Ntry/AcctSvcrRef</c>), unique per account.</summary>
    AccountServicerReference,

    /// <summary>No usable <c>AcctSvcrRef</c>: a SHA-256 of what the entry says, numbered among identical entries of its statement.</summary>
    ContentHash,
}
