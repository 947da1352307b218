namespace O2C.Bench.Load;

/// <summary>
/// How load is offered: a fixed number of clients each sending as soon as its last request
/// finished (closed loop), or a fixed rate on a timer whatever the answers do (open loop).
/// A run stops after <see cref="Requests"/> requests or after <see cref="Duration"/>, whichever comes first.
/// </summary>
public sealed record LoadShape(int Concurrency, double? Rate, long? Requests, TimeSpan? Duration)
{
    public static LoadShape Closed(int concurrency, long? requests = null, TimeSpan? duration = null) => new(concurrency, null, requests, duration);

    public bool IsOpenLoop => Rate is not null;

    public override string ToString() => IsOpenLoop ? $"open loop {Rate:0.#} req/s" : $"closed loop x{Concurrency}";
}
