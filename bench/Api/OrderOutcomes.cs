namespace O2C.Bench.Api;

/// <summary>How many orders of a request came back with each status (<c>Invoiced</c>, <c>OnHold</c>, <c>Duplicate</c>, <c>Rejected</c>).</summary>
public sealed class OrderOutcomes
{
    private readonly Dictionary<string, long> _counts = [];

    public void Add(string status, long count = 1)
    {
        lock (_counts)
        {
            _counts[status] = _counts.GetValueOrDefault(status) + count;
        }
    }

    public long Count(string status)
    {
        lock (_counts)
        {
            return _counts.GetValueOrDefault(status);
        }
    }

    public long NotInvoiced()
    {
        lock (_counts)
        {
            return _counts.Where(c => c.Key != "Invoiced").Sum(c => c.Value);
        }
    }

    public override string ToString()
    {
        lock (_counts)
        {
            return string.Join(", ", _counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value:N0}"));
        }
    }
}
