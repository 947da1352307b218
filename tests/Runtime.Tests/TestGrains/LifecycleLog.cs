using System.Collections.Concurrent;

namespace O2C.Runtime.Tests.TestGrains;

/// <summary>What test grains saw happen, in order, per grain key.</summary>
public sealed class LifecycleLog
{
    private readonly ConcurrentQueue<(string Key, string Entry)> _entries = new();

    public void Record(string key, string entry) => _entries.Enqueue((key, entry));

    public IReadOnlyList<string> For(string key) => _entries.Where(e => e.Key == key).Select(e => e.Entry).ToList();
}
