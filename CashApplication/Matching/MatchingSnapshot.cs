using O2C.CashApplication.References;

namespace O2C.CashApplication.Matching;

/// <summary>
/// The open invoices and known payers one import matches against, indexed once so each payment costs a few look-ups.
/// The matcher only reads it. The importer calls <see cref="Apply"/> after booking each applied result, so the next entry
/// of the same statement sees what is still open: two transfers for one invoice can never pay it twice.
/// </summary>
public sealed class MatchingSnapshot
{
    private readonly OpenItem[] _items;
    private readonly decimal[] _open;
    private readonly Dictionary<string, int> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byReference = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byDebtor = new(StringComparer.Ordinal);
    private readonly Dictionary<decimal, List<int>> _byOpenAmount = [];
    private readonly Dictionary<string, HashSet<string>> _debtorsByIban = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _debtorsByName = new(StringComparer.Ordinal);

    public MatchingSnapshot(IEnumerable<OpenItem> openItems, IEnumerable<KnownPayer> knownPayers)
    {
        ArgumentNullException.ThrowIfNull(openItems);
        ArgumentNullException.ThrowIfNull(knownPayers);
        _items = [.. openItems];
        _open = [.. _items.Select(i => i.OpenAmount)];
        for (var i = 0; i < _items.Length; i++)
        {
            var item = _items[i];
            if (!_byId.TryAdd(item.InvoiceId, i))
            {
                throw new ArgumentException($"Invoice {item.InvoiceId} is in the snapshot twice.", nameof(openItems));
            }

            if (!string.IsNullOrWhiteSpace(item.CreditorReference))
            {
                Add(_byReference, CreditorReference.Parse(item.CreditorReference).Value, i);
            }

            Add(_byDebtor, item.DebtorId, i);
            AddAmount(item.OpenAmount, i);
            Numbers.Add(i, item.InvoiceNumber);
        }

        // Oldest due first; the invoice number breaks ties so the same input always gives the same allocation.
        foreach (var list in _byDebtor.Values)
        {
            list.Sort((a, b) => Oldest(_items[a], _items[b]));
        }

        foreach (var payer in knownPayers)
        {
            if (PayerNames.NormalizeIban(payer.Iban) is { } iban)
            {
                AddDebtor(_debtorsByIban, iban, payer.DebtorId);
            }

            foreach (var name in PayerNames.Variants(payer.Name))
            {
                AddDebtor(_debtorsByName, name, payer.DebtorId);
            }
        }
    }

    public int Count => _items.Length;

    internal InvoiceNumberIndex Numbers { get; } = new();

    /// <summary>What is still open on an invoice, after the payments applied to this snapshot so far.</summary>
    public decimal OpenAmountOf(string invoiceId) => _byId.TryGetValue(invoiceId, out var i) ? _open[i] : 0m;

    /// <summary>Takes an applied result's allocations off the open amounts. Queued and ignored results change nothing.</summary>
    public void Apply(MatchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Outcome == MatchOutcome.Applied)
        {
            Apply(result.Allocations);
        }
    }

    /// <summary>Takes allocations off the open amounts, for instance a collector's manual allocation of a queued payment.</summary>
    public void Apply(IEnumerable<InvoiceAllocation> allocations)
    {
        ArgumentNullException.ThrowIfNull(allocations);
        foreach (var allocation in allocations)
        {
            if (_byId.TryGetValue(allocation.InvoiceId, out var i))
            {
                _byOpenAmount[_open[i]].Remove(i);
                _open[i] = Math.Max(0m, _open[i] - allocation.Amount);
                AddAmount(_open[i], i);
            }
        }
    }

    internal OpenItem Item(int index) => _items[index];

    internal decimal Open(int index) => _open[index];

    internal IEnumerable<int> ByReference(string compact) =>
        _byReference.TryGetValue(compact, out var items) ? items : [];

    internal IReadOnlyList<int> OfDebtor(string debtorId) =>
        _byDebtor.TryGetValue(debtorId, out var items) ? items : [];

    internal IReadOnlyCollection<string> DebtorsWithIban(string? iban) =>
        PayerNames.NormalizeIban(iban) is { } key && _debtorsByIban.TryGetValue(key, out var debtors) ? debtors : [];

    internal IReadOnlyCollection<string> DebtorsWithName(string? name) =>
        [.. PayerNames.Variants(name).SelectMany(key => _debtorsByName.TryGetValue(key, out var debtors) ? debtors : []).Distinct(StringComparer.Ordinal)];

    /// <summary>Invoices whose open amount is exactly this (974.4 and 974.40 alike), for the collector's first look at a stranger's payment.</summary>
    internal IEnumerable<int> WithOpenAmount(decimal amount) =>
        _byOpenAmount.TryGetValue(amount, out var items) ? items : [];

    internal static int Oldest(OpenItem a, OpenItem b)
    {
        var byDue = a.DueDate.CompareTo(b.DueDate);
        return byDue != 0 ? byDue : string.CompareOrdinal(a.InvoiceNumber, b.InvoiceNumber);
    }

    private static void Add(Dictionary<string, List<int>> index, string key, int item)
    {
        if (!index.TryGetValue(key, out var items))
        {
            index[key] = items = [];
        }

        items.Add(item);
    }

    private void AddAmount(decimal amount, int item)
    {
        if (!_byOpenAmount.TryGetValue(amount, out var items))
        {
            _byOpenAmount[amount] = items = [];
        }

        items.Add(item);
    }

    private static void AddDebtor(Dictionary<string, HashSet<string>> index, string key, string debtorId)
    {
        if (!index.TryGetValue(key, out var debtors))
        {
            index[key] = debtors = new HashSet<string>(StringComparer.Ordinal);
        }

        debtors.Add(debtorId);
    }
}
