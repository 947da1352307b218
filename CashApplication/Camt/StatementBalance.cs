namespace O2C.CashApplication.Camt;

/// <summary>A <c>Bal</c> of a statement: its type code (OPBD, CLBD, CLAV, ITBD, PRCD, FWAV ...), amount, direction and date.</summary>
public sealed record StatementBalance(string Type, decimal Amount, string? Currency, CreditDebit Direction, DateOnly? Date)
{
    /// <summary>The balance with its sign: a debit balance is an overdraft.</summary>
    public decimal SignedAmount => Direction == CreditDebit.Credit ? Amount : -Amount;
}
