using System.Diagnostics;

namespace O2C.Bench.Load;

/// <summary>
/// Drives an operation under a <see cref="LoadShape"/> and records each request's latency. The
/// operation gets the request's sequence number and returns how many units of work it carried.
/// In an open loop, latency runs from the intended send time, not the actual one, so a stalled
/// server is charged for the requests it delayed (no coordinated omission).
/// An <see cref="EndpointNotAvailableException"/> stops the run at once and is rethrown.
/// </summary>
public static class LoadGenerator
{
    public static Task<LoadResult> RunAsync(LoadShape shape, Func<long, CancellationToken, Task<int>> operation, CancellationToken cancellationToken = default) =>
        shape.IsOpenLoop ? RunOpenAsync(shape, operation, cancellationToken) : RunClosedAsync(shape, operation, cancellationToken);

    private static async Task<LoadResult> RunClosedAsync(LoadShape shape, Func<long, CancellationToken, Task<int>> operation, CancellationToken cancellationToken)
    {
        var run = new Run(shape, cancellationToken);
        var clients = Enumerable.Range(0, shape.Concurrency).Select(_ => Task.Run(async () =>
        {
            while (run.TryTake(out var sequence))
            {
                await run.ExecuteAsync(operation, sequence, Stopwatch.GetTimestamp());
            }
        }, CancellationToken.None));
        await Task.WhenAll(clients);
        return run.Finish();
    }

    private static async Task<LoadResult> RunOpenAsync(LoadShape shape, Func<long, CancellationToken, Task<int>> operation, CancellationToken cancellationToken)
    {
        var run = new Run(shape, cancellationToken);
        var interval = Stopwatch.Frequency / shape.Rate!.Value;
        var inFlight = new List<Task>();
        while (run.TryTake(out var sequence))
        {
            var intended = run.Started + (long)(sequence * interval);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), intended);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, CancellationToken.None);
            }

            inFlight.Add(run.ExecuteAsync(operation, sequence, intended));
            if (inFlight.Count >= 4096)
            {
                inFlight.RemoveAll(t => t.IsCompleted);
            }
        }

        await Task.WhenAll(inFlight);
        return run.Finish();
    }

    private sealed class Run(LoadShape shape, CancellationToken cancellationToken)
    {
        private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        private readonly LatencyHistogram _latency = new();
        private long _next = -1;
        private long _units;
        private long _errors;
        private string? _firstError;
        private EndpointNotAvailableException? _unavailable;
        private readonly MachineCpu? _cpuAtStart = MachineCpu.Read();

        public long Started { get; } = Stopwatch.GetTimestamp();

        public bool TryTake(out long sequence)
        {
            sequence = Interlocked.Increment(ref _next);
            if (_stop.IsCancellationRequested || (shape.Requests is { } limit && sequence >= limit))
            {
                return false;
            }

            return shape.Duration is not { } duration || Stopwatch.GetElapsedTime(Started) < duration;
        }

        public async Task ExecuteAsync(Func<long, CancellationToken, Task<int>> operation, long sequence, long intendedStart)
        {
            try
            {
                var units = await operation(sequence, _stop.Token);
                _latency.Record(Stopwatch.GetElapsedTime(intendedStart));
                Interlocked.Add(ref _units, units);
            }
            catch (EndpointNotAvailableException unavailable)
            {
                Interlocked.CompareExchange(ref _unavailable, unavailable, null);
                await _stop.CancelAsync();
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
            catch (Exception error)
            {
                _latency.Record(Stopwatch.GetElapsedTime(intendedStart));
                Interlocked.Increment(ref _errors);
                Interlocked.CompareExchange(ref _firstError, $"{error.GetType().Name}: {error.Message}", null);
            }
        }

        public LoadResult Finish()
        {
            var elapsed = Stopwatch.GetElapsedTime(Started);
            var cpu = MachineCpu.BusySince(_cpuAtStart);
            _stop.Dispose();
            if (_unavailable is not null)
            {
                throw _unavailable;
            }

            return new LoadResult(_latency.Count, Interlocked.Read(ref _units), Interlocked.Read(ref _errors), elapsed, _latency.Summarize(), _firstError)
            {
                MachineCpu = cpu,
            };
        }
    }
}
