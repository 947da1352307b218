using System.Text.RegularExpressions;
using O2C.CashApplication.References;

namespace O2C.CashApplication.Matching;

/// <summary>
/// Structured references typed into the free text, where many payers put them: "RF18 5390 0754 7034", "+++123/4567/89002+++".
/// An RF reference printed in groups has no visible end, so every run of groups is tried and the check digits pick the
/// reference; a run that verifies still has to be on an open invoice before it counts.
/// </summary>
internal static partial class TextReferences
{
    public static IEnumerable<CreditorReference> Find(string text)
    {
        var upper = text.ToUpperInvariant();
        foreach (Match start in RfStart().Matches(upper))
        {
            var groups = upper[start.Index..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var compact = string.Empty;
            CreditorReference? longest = null;
            foreach (var written in groups.Take(7))
            {
                // "RF18 5390 0754 7034." ends the reference at the punctuation
                var group = written.TrimEnd('.', ',', ';', ':', ')');
                if (group.Length == 0 || !group.All(char.IsAsciiLetterOrDigit) || compact.Length + group.Length > 25)
                {
                    break;
                }

                compact += group;
                if (CreditorReference.Parse(compact) is { IsVerified: true } verified)
                {
                    longest = verified;
                }

                if (group.Length < written.Length)
                {
                    break;
                }
            }

            if (longest is not null)
            {
                yield return longest;
            }
        }

        foreach (Match ogm in Ogm().Matches(text))
        {
            yield return CreditorReference.Parse($"+++{ogm.Groups[1].Value}/{ogm.Groups[2].Value}/{ogm.Groups[3].Value}+++");
        }
    }

    [GeneratedRegex(@"(?<![A-Z0-9])RF\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex RfStart();

    [GeneratedRegex(@"(?<!\d)(\d{3})\s*/\s*(\d{4})\s*/\s*(\d{5})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Ogm();
}
