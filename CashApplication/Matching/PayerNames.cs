using System.Text;

namespace O2C.CashApplication.Matching;

/// <summary>
/// Names and IBANs in the form they are compared in. A payer's name differs between its invoices and its bank ("Bakkerij de
/// Vries B.V." against "BAKKERIJ DE VRIES BV"), so case, punctuation and the legal form are left out; nothing fuzzier,
/// because a name is weak evidence already.
/// </summary>
public static class PayerNames
{
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "BV", "NV", "VOF", "CV", "GMBH", "AG", "KG", "OHG", "EV", "UG", "SA", "SARL", "SRL", "SPRL", "BVBA", "LTD", "LIMITED", "INC", "LLC", "PLC",
    };

    public static string? Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in name.ToUpperInvariant().Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (c is '.' or '&' or '\'')
            {
                // "B.V." is one word; "&" and apostrophes join, they do not separate
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        var kept = words.Where(w => !LegalForms.Contains(w)).ToList();
        return kept.Count == 0 ? null : string.Join(' ', kept);
    }

    public static string? NormalizeIban(string? iban) =>
        string.IsNullOrWhiteSpace(iban) ? null : string.Concat(iban.Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();
}
