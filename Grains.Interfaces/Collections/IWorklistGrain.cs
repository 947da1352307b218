using Orleans.Concurrency;

namespace O2C.Grains.Interfaces.Collections;

/// <summary>
/// Ranks the open dunning cases for collectors from the committed case rows. A stateless worker:
/// any silo answers, and nothing is kept between calls.
/// </summary>
[Alias("o2c.worklist")]
public interface IWorklistGrain : IGrainWithIntegerKey
{
    /// <summary>Open and paused cases, best first; only <paramref name="collector"/>'s when given; at most <paramref name="limit"/>.</summary>
    [Alias("rank")] Task<IReadOnlyList<WorklistItem>> Rank(string? collector, int limit);
}
