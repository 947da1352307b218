namespace O2C.CashApplication.Matching;

/// <summary>
/// The evidence a match rests on, tried in this order. The confidence each gives (0-100) is stated with it; the default
/// threshold for applying without a person is 80 (<see cref="MatchingOptions.ApplyThreshold"/>).
/// </summary>
public enum MatchRule
{
    /// <summary>Nothing to go on: no reference, no invoice number, no known payer.</summary>
    None,

    /// <summary>A structured reference (RF, OGM, QR) whose check digits verify and that an open invoice carries: 100.</summary>
    VerifiedReference,

    /// <summary>A structured reference without check digits (German, a bank's own) equal to an open invoice's reference or number: 90.</summary>
    UnverifiedReference,

    /// <summary>
    /// Invoice numbers written in the text (separators and prefix optional): 95 for one debtor, 85 when the named invoices
    /// belong to several; found only without their prefix, at most 90, and 75 when neither amount nor payer confirms them.
    /// </summary>
    InvoiceNumberInText,

    /// <summary>One open invoice whose number is one typo (a character wrong, missing, extra, or two swapped) from the text: 75 to 90, see <see cref="CashMatcher"/>.</summary>
    InvoiceNumberWithTypo,

    /// <summary>A payer known from earlier payments, and an open invoice of exactly the amount: 90 by IBAN, 80 by name; 80 / 70 when several have that amount.</summary>
    KnownPayerAndAmount,

    /// <summary>A known payer, and the amount is the sum of several of their open invoices: 85 / 70 for the oldest ones, 80 / 65 for another single combination.</summary>
    SumOfInvoices,

    /// <summary>A known payer and no better evidence: the amount goes to their invoices oldest first (the legal default for undesignated payments): 80 by IBAN, 60 by name.</summary>
    OldestFirst,
}
