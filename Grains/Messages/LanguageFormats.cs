using System.Globalization;

namespace O2C.Grains.Messages;

/// <summary>
/// How amounts, money and dates are written per language: nl as nl-NL, de as de-DE, en as en-GB,
/// fr as fr-FR; any other language as en-GB. Hand-rolled rather than taken from CultureInfo
/// because the build runs with invariant globalization, and because a customer's message must not
/// change when a server's ICU data does.
/// </summary>
public static class LanguageFormats
{
    public const string Fallback = "en";

    // fr-FR groups thousands with a narrow no-break space and keeps the amount and its symbol
    // together with a no-break space, so a line break never splits "1 234,56 €".
    private const char NarrowNoBreakSpace = '\u202F';
    private const char NoBreakSpace = '\u00A0';

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

    /// <summary>The number alone, two decimals: nl, de 1.234,50; fr 1 234,50 (narrow no-break space); others 1,234.50.</summary>
    public static string Amount(decimal amount, string language)
    {
        var english = amount.ToString("N2", CultureInfo.InvariantCulture);
        return Normalize(language) switch
        {
            "nl" or "de" => string.Concat(english.Select(c => c switch { ',' => '.', '.' => ',', _ => c })),
            "fr" => string.Concat(english.Select(c => c switch { ',' => NarrowNoBreakSpace, '.' => ',', _ => c })),
            _ => english,
        };
    }

    /// <summary>
    /// An amount with its currency where the language puts it: nl € 1.234,50; de 1.234,50 €;
    /// fr 1 234,50 €; en £1,234.50 or €1,234.50. A currency without a symbol here is written as its
    /// ISO code ("CHF 1,234.50", "1.234,50 CHF").
    /// </summary>
    public static string Money(decimal amount, string currency, string language)
    {
        var number = Amount(Math.Abs(amount), language);
        var sign = amount < 0m ? "-" : string.Empty;
        var code = currency.Trim().ToUpperInvariant();
        var symbol = Symbol(code);
        return Normalize(language) switch
        {
            "nl" => $"{symbol ?? code} {sign}{number}",
            "de" => $"{sign}{number} {symbol ?? code}",
            "fr" => $"{sign}{number}{NoBreakSpace}{symbol ?? code}",
            _ => symbol is null ? $"{sign}{code} {number}" : $"{sign}{symbol}{number}",
        };
    }

    /// <summary>nl: 21-11-2026; de: 21.11.2026; fr and en (en-GB): 21/11/2026.</summary>
    public static string Date(DateOnly date, string language) => Normalize(language) switch
    {
        "nl" => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
        "de" => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
        _ => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
    };

    // "US$" rather than "$": a European reader must not have to guess which dollar.
    private static string? Symbol(string currency) => currency switch
    {
        "EUR" => "€",
        "GBP" => "£",
        "USD" => "US$",
        _ => null,
    };
}
