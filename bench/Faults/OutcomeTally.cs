namespace O2C.Bench.Faults;

/// <summary>Counts of <see cref="WriteOutcome"/>s, safe to add to from every client at once.</summary>
public sealed class OutcomeTally
{
    private readonly long[] _counts = new long[Enum.GetValues<WriteOutcome>().Length];

    public void Add(WriteOutcome outcome) => Interlocked.Increment(ref _counts[(int)outcome]);

    public long this[WriteOutcome outcome] => Interlocked.Read(ref _counts[(int)outcome]);

    public IReadOnlyDictionary<WriteOutcome, long> Snapshot() => Enum.GetValues<WriteOutcome>().ToDictionary(o => o, o => this[o]);

    /// <summary>What was counted since <paramref name="earlier"/>, leaving out kinds that did not occur.</summary>
    public IReadOnlyDictionary<WriteOutcome, long> Since(IReadOnlyDictionary<WriteOutcome, long> earlier) =>
        Enum.GetValues<WriteOutcome>().Select(o => (o, n: this[o] - earlier[o])).Where(x => x.n > 0).ToDictionary(x => x.o, x => x.n);

    public static string Describe(IReadOnlyDictionary<WriteOutcome, long> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"));
}
