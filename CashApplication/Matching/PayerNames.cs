using System.Text;

namespace O2C.CashApplication.Matching;

/// <summary>
/// Names and IBANs in the form they are compared in. A payer's name differs between its invoices and its bank ("Müller
/// GmbH" against "MUELLER GMBH" or "MULLER GMBH": SEPA's character set has no umlauts, and banks transliterate either way),
/// so case, punctuation, accents and the legal form are left out. Nothing fuzzier: a name is weak evidence already.
/// </summary>
public static class PayerNames
{
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "BV", "NV", "VOF", "CV", "GMBH", "AG", "KG", "OHG", "EV", "UG", "SA", "SARL", "SRL", "SPRL", "BVBA", "LTD", "LIMITED", "INC", "LLC", "PLC",
    };

    /// <summary>The compared form, with umlauts written out the German way (Ü as UE).</summary>
    public static string? Normalize(string? name) => Compare(name, germanUmlauts: true);

    /// <summary>
    /// Every compared form of a name: umlauts written out (UE) and dropped (U) where the name has any. A known payer is
    /// stored under all of them; a payment's name is looked up by each.
    /// </summary>
    public static IEnumerable<string> Variants(string? name) =>
        new[] { Compare(name, germanUmlauts: true), Compare(name, germanUmlauts: false) }.OfType<string>().Distinct(StringComparer.Ordinal);

    public static string? NormalizeIban(string? iban) =>
        string.IsNullOrWhiteSpace(iban) ? null : string.Concat(iban.Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();

    private static string? Compare(string? name, bool germanUmlauts)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in name.ToUpperInvariant().Append(' '))
        {
            if (Fold(c, germanUmlauts) is { } folded)
            {
                word.Append(folded);
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

    private static string? Fold(char c, bool germanUmlauts) => c switch
    {
        _ when char.IsAsciiLetterOrDigit(c) => c.ToString(),
        'Ä' => germanUmlauts ? "AE" : "A",
        'Ö' => germanUmlauts ? "OE" : "O",
        'Ü' => germanUmlauts ? "UE" : "U",
        'ß' => "SS",
        'Æ' => "AE",
        'À' or 'Á' or 'Â' or 'Ã' or 'Å' => "A",
        'Ç' => "C",
        'È' or 'É' or 'Ê' or 'Ë' => "E",
        'Ì' or 'Í' or 'Î' or 'Ï' => "I",
        'Ñ' => "N",
        'Ò' or 'Ó' or 'Ô' or 'Õ' or 'Ø' => "O",
        'Ù' or 'Ú' or 'Û' => "U",
        'Ý' or 'Ÿ' => "Y",
        _ when char.IsLetterOrDigit(c) => c.ToString(),
        _ => null,
    };
}
