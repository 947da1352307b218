using System.Collections.Concurrent;

namespace O2C.Runtime.Tests.TestGrains;

/// <summary>Named one-shot signals shared by the test and its grains, plus a concurrency meter.</summary>
public sealed class Gates
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();
    private int _inside;
    private int _maxInside;

    public Task WhenOpen(string name) => Gate(name).Task;

    public void Open(string name) => Gate(name).TrySetResult();

    public bool IsOpen(string name) => Gate(name).Task.IsCompleted;

    public int MaxInside => Volatile.Read(ref _maxInside);

    public int Enter()
    {
        var inside = Interlocked.Increment(ref _inside);
        int max;
        while (inside > (max = Volatile.Read(ref _maxInside)) && Interlocked.CompareExchange(ref _maxInside, inside, max) != max)
        {
        }

        return inside;
    }

    public void Leave() => Interlocked.Decrement(ref _inside);

    private TaskCompletionSource Gate(string name) =>
        _gates.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
