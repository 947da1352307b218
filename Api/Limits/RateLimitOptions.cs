using System.ComponentModel.DataAnnotations;

namespace O2C.Api.Limits;

/// <summary><c>O2C:RateLimit</c>: requests per API key (per client address without one), a token bucket per silo.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "O2C:RateLimit";

    /// <summary>Requests a key may make per second, sustained; 0 turns the limit off. High by default: benches must not meet it.</summary>
    [Range(0, 1_000_000)]
    public int PermitsPerSecond { get; set; } = 10_000;

    /// <summary>Requests a key may make at once above the sustained rate (the bucket's size).</summary>
    [Range(1, 10_000_000)]
    public int Burst { get; set; } = 20_000;
}
