using O2C.Grains.Collections;

namespace O2C.Grains.Dunning;

/// <summary>Late-payment interest on one invoice of a case, from what the case knows of it.</summary>
internal static class CaseInterest
{
    /// <summary>
    /// The statement to <paramref name="asOf"/>, or null when no interest applies: the customer's
    /// country has no rules, the invoice was written off, or no rate covers a day (configuration
    /// gap): a missing rate must not stop the dunning message, which then goes without interest.
    /// </summary>
    public static InterestStatement? For(LatePaymentInterestOptions options, string? country, CaseInvoiceState invoice, DateOnly asOf)
    {
        if (country is null || invoice.WrittenOff || options.RulesFor(country) is not { } rules)
        {
            return null;
        }

        var payments = invoice.Payments ?? [];
        var principal = invoice.Principal ?? invoice.Outstanding + payments.Sum(p => p.Amount);
        var late = new LateInvoice(country.ToUpperInvariant(), invoice.Currency, principal, invoice.DueDate, payments);
        try
        {
            return LatePaymentInterest.Calculate(rules, late, asOf, invoice.Level);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
