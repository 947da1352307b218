using System.Globalization;
using System.Xml.Linq;

namespace O2C.CashApplication.Camt;

/// <summary>Reading camt.053 values leniently where that is safe (dates, UETRs) and strictly where it is not (amounts).</summary>
internal static class CamtValues
{
    /// <summary>
    /// A non-negative amount with a point as decimal separator, as the schema says. No comma, no thousands separator:
    /// guessing at money is worse than reporting the entry as unreadable.
    /// </summary>
    public static bool TryAmount(string? text, out decimal amount) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out amount);

    public static CreditDebit? Direction(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "CRDT" => CreditDebit.Credit,
        "DBIT" => CreditDebit.Debit,
        _ => null,
    };

    /// <summary>
    /// The calendar date of a <c>Dt</c> or <c>DtTm</c> child, as the bank wrote it: the first ten characters are the local
    /// date in every form banks use (with or without offset, with up to nine decimals of seconds, which .NET cannot parse whole).
    /// </summary>
    public static DateOnly? Date(XElement? dateChoice, List<string> warnings, string what)
    {
        if (dateChoice is null)
        {
            return null;
        }

        var text = dateChoice.Text("Dt") ?? dateChoice.Text("DtTm") ?? dateChoice.Text();
        if (text is { Length: >= 10 } && DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        warnings.Add($"{what} '{text}' is not a date; left empty.");
        return null;
    }

    /// <summary>A <c>CreDtTm</c>; null when unreadable, since nothing depends on it.</summary>
    public static DateTimeOffset? Timestamp(string? text)
    {
        if (text is null)
        {
            return null;
        }

        // Nine decimals of seconds occur in real exports; DateTimeOffset takes seven.
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (end - dot - 1 > 7)
            {
                text = string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end));
            }
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;
    }

    /// <summary>
    /// A UETR in the canonical lower-case 8-4-4-4-12 form when it is a UUID in any spelling (upper case, no hyphens, braces,
    /// any version: real banks send version 5 where the schema asks for 4). Anything else is kept as written, with a warning.
    /// </summary>
    public static string? Uetr(string? text, List<string> warnings)
    {
        if (text is null)
        {
            return null;
        }

        if (Guid.TryParse(text.Trim().Trim('{', '}'), out var uuid))
        {
            return uuid.ToString("D");
        }

        warnings.Add($"UETR '{text}' is not a UUID; kept as written.");
        return text;
    }

    public static string Invariant(decimal amount) => amount.ToString("0.############################", CultureInfo.InvariantCulture);
}
