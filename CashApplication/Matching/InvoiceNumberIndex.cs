using System.Text;

namespace O2C.CashApplication.Matching;

/// <summary>
/// Finds invoice numbers in free text, exactly or one typo off, without scanning every open invoice per payment.
/// Numbers and text are compared compacted (upper case, letters and digits only), so "inv 2026/1001", "INV20261001" and
/// "INV-2026-1001" are the same; the number without its letter prefix ("2026-1001") is indexed too, because payers drop it.
/// One-typo search uses a deletion index: every number is stored under each of its one-character deletions, so a
/// wrong, missing, extra or swapped character is found by dictionary look-ups and confirmed by an edit distance.
/// Cost: about (length + 2) keys per open invoice, some 1.3 million for 100,000 open invoices.
/// </summary>
internal sealed class InvoiceNumberIndex
{
    // Shorter windows would match dates, amounts and house numbers; digits are required for a typo match for the same reason.
    private const int MinExactLength = 4;
    private const int MinCoreLength = 5; // a four-digit core would be found in every Dutch postcode
    private const int MinTypoLength = 6;
    private const int MaxTokensPerWindow = 4;

    private readonly Dictionary<string, List<int>> _exact = new(StringComparer.Ordinal);
    private readonly HashSet<string> _fullNumbers = new(StringComparer.Ordinal);

    // Deletions are stored by hash, as chains in one list, not as strings in lists of their own: an open-item list of
    // 100,000 would otherwise allocate over a million objects. A hash collision only adds a candidate, and every
    // candidate is confirmed by WithinOneEdit.
    private readonly List<string> _keys = [];
    private readonly Dictionary<int, int> _deletionHeads = [];
    private readonly List<(int Key, int Next)> _deletionLinks = [];

    public void Add(int item, string invoiceNumber)
    {
        var full = Compact(invoiceNumber);
        if (full.Length == 0)
        {
            return;
        }

        AddKey(full, item, full.Length >= MinTypoLength - 1);
        _fullNumbers.Add(full);
        var core = full.TrimStart(LettersArray);
        if (core.Length >= MinCoreLength && core.Length < full.Length)
        {
            AddKey(core, item, core.Length >= MinTypoLength);
        }
    }

    /// <summary>
    /// Whether a key is some invoice's whole number, not only the core of one: a bare "12345" in the text may as well be
    /// the payer's customer number, so a match on a core alone is weaker evidence.
    /// </summary>
    public bool IsFullNumber(string key) => _fullNumbers.Contains(key);

    /// <summary>Windows of the text (one to four neighbouring tokens run together) that are an invoice number or its core.</summary>
    public IEnumerable<(string Window, IReadOnlyList<int> Items)> Exact(IEnumerable<string> windows)
    {
        foreach (var window in windows)
        {
            if (window.Length >= MinExactLength && _exact.TryGetValue(window, out var items))
            {
                yield return (window, items);
            }
        }
    }

    /// <summary>Keys one edit (substitution, insertion, deletion, adjacent swap) away from a window, with their items.</summary>
    public IEnumerable<(string Window, string Key, IReadOnlyList<int> Items)> OneTypo(IEnumerable<string> windows)
    {
        var exact = _exact.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var window in windows)
        {
            if (window.Length < MinTypoLength - 1 || !window.Any(char.IsAsciiDigit) || _exact.ContainsKey(window))
            {
                continue;
            }

            var keys = new HashSet<string>(StringComparer.Ordinal);
            keys.UnionWith(KeysWithDeletion(string.GetHashCode(window.AsSpan()))); // the payer left a character out

            var buffer = new char[window.Length];
            for (var i = 0; i < window.Length; i++)
            {
                var deletion = Delete(window, i, buffer);
                if (exact.TryGetValue(deletion, out var key, out _))
                {
                    keys.Add(key); // the payer typed one too many
                }

                keys.UnionWith(KeysWithDeletion(string.GetHashCode(deletion))); // a wrong character, or two swapped
            }

            foreach (var key in keys.Where(k => k.Length >= MinTypoLength - 1 && WithinOneEdit(window, k)))
            {
                yield return (window, key, _exact[key]);
            }
        }
    }

    public static string Compact(string text) =>
        string.Concat(text.Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();

    /// <summary>
    /// The text's tokens (runs of letters and digits) and every run of up to four neighbours joined, so separators typed or
    /// left out do not matter; a token like "RE20261001" also yields its digits, since prefixes are glued on as often as not.
    /// </summary>
    public static HashSet<string> Windows(string text)
    {
        var tokens = new List<string>();
        var token = new StringBuilder();
        foreach (var c in text.ToUpperInvariant().Append(' '))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                token.Append(c);
            }
            else if (token.Length > 0)
            {
                tokens.Add(token.ToString());
                token.Clear();
            }
        }

        var windows = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            var joined = new StringBuilder();
            for (var j = i; j < Math.Min(tokens.Count, i + MaxTokensPerWindow); j++)
            {
                windows.Add(joined.Append(tokens[j]).ToString());
            }

            var digits = tokens[i].TrimStart(LettersArray);
            if (digits.Length >= MinCoreLength && digits.Length < tokens[i].Length && digits.All(char.IsAsciiDigit))
            {
                windows.Add(digits);
            }
        }

        return windows;
    }

    /// <summary>Optimal string alignment distance at most 1: equal, or one substitution, insertion, deletion or adjacent swap.</summary>
    public static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        if (a.Length == b.Length)
        {
            if (prefix == a.Length)
            {
                return true;
            }

            var rest = prefix + 1;
            if (a.AsSpan(rest).SequenceEqual(b.AsSpan(rest)))
            {
                return true;
            }

            return rest < a.Length && a[prefix] == b[rest] && a[rest] == b[prefix] && a.AsSpan(rest + 1).SequenceEqual(b.AsSpan(rest + 1));
        }

        var (shorter, longer) = a.Length < b.Length ? (a, b) : (b, a);
        return shorter.AsSpan(prefix).SequenceEqual(longer.AsSpan(prefix + 1));
    }

    private static readonly char[] LettersArray = [.. Enumerable.Range('A', 26).Select(c => (char)c)];

    private void AddKey(string key, int item, bool typos)
    {
        if (!_exact.TryGetValue(key, out var items))
        {
            _exact[key] = items = [];
            if (typos)
            {
                _keys.Add(key);
                Span<char> buffer = stackalloc char[key.Length];
                for (var i = 0; i < key.Length; i++)
                {
                    AddDeletion(string.GetHashCode(Delete(key, i, buffer)), _keys.Count - 1);
                }
            }
        }

        if (!items.Contains(item))
        {
            items.Add(item);
        }
    }

    private void AddDeletion(int hash, int key)
    {
        var head = _deletionHeads.GetValueOrDefault(hash, -1);
        if (head >= 0 && _deletionLinks[head].Key == key)
        {
            return; // "INV1001" without either zero is the same deletion
        }

        _deletionLinks.Add((key, head));
        _deletionHeads[hash] = _deletionLinks.Count - 1;
    }

    private List<string> KeysWithDeletion(int hash)
    {
        var keys = new List<string>();
        for (var link = _deletionHeads.GetValueOrDefault(hash, -1); link >= 0; link = _deletionLinks[link].Next)
        {
            keys.Add(_keys[_deletionLinks[link].Key]);
        }

        return keys;
    }

    // The text without its i-th character, written into the buffer: no string per deletion.
    private static ReadOnlySpan<char> Delete(string text, int i, Span<char> buffer)
    {
        text.AsSpan(0, i).CopyTo(buffer);
        text.AsSpan(i + 1).CopyTo(buffer[i..]);
        return buffer[..(text.Length - 1)];
    }
}
