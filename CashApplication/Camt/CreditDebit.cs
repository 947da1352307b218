namespace O2C.CashApplication.Camt;

/// <summary>camt.053 <c>CdtDbtInd</c>: money in (<c>CRDT</c>) or out (<c>DBIT</c>) of the statement's account.</summary>
public enum CreditDebit
{
    Credit,
    Debit,
}
