namespace O2C.Grains.Customers;

/// <summary>
/// What a customer owes on its open invoices, invoice by invoice, with the total kept as it
/// changes. Balances are absolute, so hearing the same one twice changes nothing.
/// </summary>
public sealed class CustomerExposure
{
    private readonly Dictionary<string, decimal> _open = new(StringComparer.Ordinal);

    public CustomerExposure(IEnumerable<KeyValuePair<string, decimal>>? open = null)
    {
        foreach (var (invoiceId, outstanding) in open ?? [])
        {
            Set(invoiceId, outstanding);
        }
    }

    public decimal Total { get; private set; }

    public int OpenInvoices => _open.Count;

    /// <summary>The invoice's outstanding amount now; zero or less closes it.</summary>
    public void Set(string invoiceId, decimal outstanding)
    {
        if (_open.Remove(invoiceId, out var before))
        {
            Total -= before;
        }

        if (outstanding > 0)
        {
            _open[invoiceId] = outstanding;
            Total += outstanding;
        }
    }
}
