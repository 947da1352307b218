namespace O2C.Silo.Demo;

/// <summary>Demo actions waiting for their business time; bounded so a long demo cannot grow it without end.</summary>
internal sealed class DemoSchedule
{
    public const int Capacity = 200_000;

    private readonly PriorityQueue<Func<Task>, DateTimeOffset> _queue = new();
    private readonly Lock _lock = new();

    public void At(DateTimeOffset when, Func<Task> action)
    {
        lock (_lock)
        {
            if (_queue.Count < Capacity)
            {
                _queue.Enqueue(action, when);
            }
        }
    }

    public List<Func<Task>> TakeDue(DateTimeOffset now)
    {
        var due = new List<Func<Task>>();
        lock (_lock)
        {
            while (_queue.TryPeek(out _, out var when) && when <= now)
            {
                due.Add(_queue.Dequeue());
            }
        }

        return due;
    }
}
