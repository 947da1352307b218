using System.Net.Sockets;
using Npgsql;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

namespace O2C.Api.Errors;

/// <summary>
/// Sorts what a request failed with: an outage the client should retry (503), a value or row the
/// database refused (not the client's retry to make, but not our crash either), or a bug (500).
/// Orleans wraps what a grain or its storage threw, so the whole chain of inner exceptions is looked at.
/// </summary>
public static class Failures
{
    /// <summary>PostgreSQL unreachable or shutting down, or the cluster unable to answer in time.</summary>
    public static bool IsOutage(Exception error) => Chain(error).Any(e => e switch
    {
        NpgsqlException npgsql => npgsql.IsTransient,
        SocketException or TimeoutException or OrleansMessageRejectionException or SiloUnavailableException => true,
        // Two activations of one grain wrote its state (a paused silo woke up after the grain was
        // activated elsewhere): the storage refused the stale one, Orleans deactivates it, and a
        // retry reaches the live one. Found by the fault suite (issue 14): these answered 500.
        InconsistentStateException => true,
        // An exception type Orleans could not carry across a call arrives as its name only.
        UnavailableExceptionFallbackException fallback => fallback.ExceptionType is { } type
            && (type.StartsWith("Npgsql.NpgsqlException", StringComparison.Ordinal) || type.StartsWith("System.Net.Sockets.", StringComparison.Ordinal)),
        // A grain on another silo failed on the database, and Orleans could not even write the
        // exception into its response (no codec for Npgsql's exceptions): all the caller gets is this.
        // Found by the fault suite (issue 14): during a PostgreSQL restart such calls answered 500.
        // Grains turn refused rows into results, so an Npgsql exception crossing silos is the outage.
        CodecNotFoundException codec => codec.Message.Contains("type Npgsql.", StringComparison.Ordinal)
            || codec.Message.Contains("type System.Net.Sockets.", StringComparison.Ordinal),
        _ => false,
    });

    /// <summary>
    /// A statement PostgreSQL refused for its data: class 22 (a value out of range, bad text) or 23
    /// (a unique, check or foreign key constraint). The validation in front should have caught it.
    /// </summary>
    public static PostgresException? DatabaseRefusal(Exception error) =>
        Chain(error).OfType<PostgresException>().FirstOrDefault(p => p.SqlState.StartsWith("22", StringComparison.Ordinal) || p.SqlState.StartsWith("23", StringComparison.Ordinal));

    private static IEnumerable<Exception> Chain(Exception error)
    {
        var pending = new Stack<Exception>([error]);
        var seen = 0;
        while (pending.Count > 0 && seen++ < 32)
        {
            var next = pending.Pop();
            yield return next;
            if (next is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (next.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
