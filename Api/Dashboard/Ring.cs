namespace O2C.Api.Dashboard;

/// <summary>A fixed-size ring: the newest <c>capacity</c> items, oldest first. Not thread-safe.</summary>
internal sealed class Ring<T>(int capacity)
{
    private readonly T[] _items = new T[capacity];
    private int _next;

    public int Count { get; private set; }

    public void Add(T item)
    {
        _items[_next] = item;
        _next = (_next + 1) % _items.Length;
        Count = Math.Min(Count + 1, _items.Length);
    }

    /// <summary>The item <paramref name="back"/> places before the newest (0 = newest), or the oldest kept.</summary>
    public T? Back(int back)
    {
        if (Count == 0)
        {
            return default;
        }

        var steps = Math.Min(back, Count - 1);
        return _items[(_next - 1 - steps + (2 * _items.Length)) % _items.Length];
    }

    public IEnumerable<T> OldestFirst()
    {
        for (var i = Count - 1; i >= 0; i--)
        {
            yield return Back(i)!;
        }
    }
}
