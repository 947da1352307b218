using System.Globalization;

namespace O2C.Grains.Messages;

/// <summary>
/// How an SMS body travels: GSM-7 (3GPP TS 23.038) holds 160 septets in one part and 153 per part
/// once split (the rest carries the concatenation header); a body with any other character goes
/// as UCS-2, 70 characters or 67 per part. Characters of the extension table (€, [, ], {, }, \,
/// ^, ~, |) take two septets and are never split from their escape.
/// </summary>
public static class SmsSegments
{
    public const int SinglePartSeptets = 160;
    public const int MultiPartSeptets = 153;
    public const int SinglePartUcs2 = 70;
    public const int MultiPartUcs2 = 67;

    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "^{}\\[~]|€\f";

    /// <summary>
    /// Text as an SMS should carry it: no-break spaces (French amounts) become plain spaces and
    /// typographic quotes straight ones, since neither exists in GSM-7 and one of them would make
    /// the whole message UCS-2, less than half as long per part.
    /// </summary>
    public static string ForSms(string text) => string.Concat(text.Select(c => c switch
    {
        '\u00A0' or '\u202F' or '\u2009' => ' ',
        '\u2018' or '\u2019' => '\'',
        '\u201C' or '\u201D' => '"',
        _ => c,
    }));

    public static bool IsGsm7(string text) => text.All(c => Basic.Contains(c, StringComparison.Ordinal) || Extension.Contains(c, StringComparison.Ordinal));

    /// <summary>The parts a body goes out in; one part when it fits, none for an empty body.</summary>
    public static IReadOnlyList<string> Split(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Length == 0)
        {
            return [];
        }

        var gsm = IsGsm7(body);
        var units = Units(body, gsm);
        var total = units.Sum(u => u.Size);
        var single = gsm ? SinglePartSeptets : SinglePartUcs2;
        if (total <= single)
        {
            return [body];
        }

        var perPart = gsm ? MultiPartSeptets : MultiPartUcs2;
        var parts = new List<string>();
        var part = new System.Text.StringBuilder();
        var size = 0;
        foreach (var (text, unitSize) in units)
        {
            if (size + unitSize > perPart)
            {
                parts.Add(part.ToString());
                part.Clear();
                size = 0;
            }

            part.Append(text);
            size += unitSize;
        }

        parts.Add(part.ToString());
        return parts;
    }

    // A unit is what must stay in one part: a GSM character (1 or 2 septets) or a UTF-16 text element (a surrogate pair is 2).
    private static List<(string Text, int Size)> Units(string body, bool gsm)
    {
        if (gsm)
        {
            return body.Select(c => (c.ToString(), Extension.Contains(c, StringComparison.Ordinal) ? 2 : 1)).ToList();
        }

        var units = new List<(string, int)>();
        var elements = StringInfo.GetTextElementEnumerator(body);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            units.Add((element, element.Length));
        }

        return units;
    }
}
