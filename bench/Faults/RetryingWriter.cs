using System.Text.Json;

namespace O2C.Bench.Faults;

/// <summary>
/// Sends a write as a careful client does: the same request (same order or payment id) again after
/// a 503, a 5xx or no answer, on the next silo in rotation, until it is acknowledged or refused or
/// <see cref="GiveUpAfter"/> has passed. Every attempt is counted in the tally.
/// </summary>
public sealed class RetryingWriter(ClusterClient cluster, OutcomeTally tally)
{
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(120);

    // Shorter than the 5 s the silos' Retry-After asks for: the suite measures when writes are served again.
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>The acknowledged answer's body, or null when the write was refused or given up on.</summary>
    public async Task<JsonDocument?> SendAsync(HttpMethod method, string path, object body, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        while (true)
        {
            var (outcome, answer, status) = await ClusterClient.SendAsync(cluster.Next(), method, path, body, cancellationToken);
            tally.Add(outcome);
            if (outcome == WriteOutcome.Rejected)
            {
                Console.Error.WriteLine($"faults: {method} {path} refused with {(int?)status}");
            }

            if (outcome == WriteOutcome.Acknowledged)
            {
                return answer;
            }

            if (outcome == WriteOutcome.Rejected || DateTime.UtcNow - started > GiveUpAfter)
            {
                return null;
            }

            await Task.Delay(RetryDelay, cancellationToken);
        }
    }

    /// <summary>One attempt on the next silo in rotation, counted, not retried (a probe): the answer when acknowledged.</summary>
    public async Task<JsonDocument?> TryOnceAsync(HttpMethod method, string path, object body, CancellationToken cancellationToken)
    {
        var (outcome, answer, _) = await ClusterClient.SendAsync(cluster.Next(), method, path, body, cancellationToken);
        tally.Add(outcome);
        return answer;
    }
}
