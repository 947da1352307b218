using System.Security.Cryptography;
using System.Text;

namespace O2C.CashApplication.Camt;

/// <summary>
/// Hands out entry idempotency keys within one statement. The bank's <c>AcctSvcrRef</c> is used when it has one and it is
/// unique in the statement; otherwise a hash of the entry's content. The statement id is deliberately not in the hash: a
/// bank that re-issues a statement under a new id must not make us book its entries twice. Two entries that say exactly the
/// same (the same customer paying the same amount twice on a day) are told apart by their ordinal among such twins, which is
/// stable because a bank lists a statement's entries in the same order each time it sends it.
/// </summary>
internal sealed class EntryKeys(string account)
{
    private readonly HashSet<string> _references = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _twins = new(StringComparer.Ordinal);

    public (string Key, EntryKeyKind Kind) For(string? accountServicerReference, string content, List<string> warnings)
    {
        if (accountServicerReference is not null)
        {
            if (_references.Add(accountServicerReference))
            {
                return ($"{account}/{accountServicerReference}", EntryKeyKind.AccountServicerReference);
            }

            warnings.Add($"AcctSvcrRef '{accountServicerReference}' occurs twice in the statement; keyed by content instead.");
        }

        var hash = Hash(content);
        var ordinal = _twins.TryGetValue(hash, out var seen) ? seen + 1 : 1;
        _twins[hash] = ordinal;
        return ($"{account}/#{hash}{(ordinal > 1 ? $"-{ordinal}" : string.Empty)}", EntryKeyKind.ContentHash);
    }

    private static string Hash(string content) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)).AsSpan(0, 16));
}
