namespace O2C.CashApplication.Matching;

/// <summary>How the matcher knows who paid, if it does.</summary>
public enum PayerEvidence
{
    Unknown,

    /// <summary>The debtor's name as known from earlier payments; weak, names are shared and spelt differently.</summary>
    Name,

    /// <summary>An IBAN that paid for this debtor before, and for no other.</summary>
    Iban,
}
