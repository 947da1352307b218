using System.Globalization;

namespace O2C.Grains.Messages;

/// <summary>
/// How amounts and dates are written per language. Hand-rolled rather than taken from
/// CultureInfo because the build runs with invariant globalization, and because a customer's
/// message must not change when a server's ICU data does.
/// </summary>
public static class LanguageFormats
{
    public const string Fallback = "en";

    /// <summary>"nl-BE" → "nl"; blank → "en".</summary>
    public static string Normalize(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return Fallback;
        }

        var code = language.Trim();
        var dash = code.IndexOfAny(['-', '_']);
        return (dash > 0 ? code[..dash] : code).ToLowerInvariant();
    }

    /// <summary>nl and de: 1.234,50; everything else: 1,234.50.</summary>
    public static string Amount(decimal amount, string language)
    {
        var english = amount.ToString("N2", CultureInfo.InvariantCulture);
        return Normalize(language) is "nl" or "de"
            ? string.Concat(english.Select(c => c switch { ',' => '.', '.' => ',', _ => c }))
            : english;
    }

    /// <summary>nl: 21-11-2026; de: 21.11.2026; everything else ISO 8601: 2026-11-21.</summary>
    public static string Date(DateOnly date, string language) => Normalize(language) switch
    {
        "nl" => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
        "de" => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
        _ => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
