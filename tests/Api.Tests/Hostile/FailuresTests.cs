using System.Net.Sockets;
using Npgsql;
using O2C.Api.Errors;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

namespace O2C.Api.Tests.Hostile;

/// <summary>Which failures are outages (503), which are rows the database refused, and which are neither.</summary>
public sealed class FailuresTests
{
    private static readonly NpgsqlException Unreachable = new("Failed to connect to 127.0.0.1:1", new SocketException((int)SocketError.ConnectionRefused));

    [Fact]
    public void An_unreachable_database_or_cluster_is_an_outage()
    {
        var outages = new (string What, Exception Error)[]
        {
            ("connection refused", Unreachable),
            ("wrapped by Orleans' storage bridge", new OrleansException("Error from storage provider during WriteStateAsync", Unreachable)),
            ("server shutting down (57P01)", new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01")),
            ("in an aggregate", new AggregateException(new InvalidOperationException("other"), Unreachable)),
            ("grain call timed out", new TimeoutException("Response did not arrive on time")),
            ("silo leaving", new SiloUnavailableException()),
            ("a stale activation's write refused", new InconsistentStateException("The state customer of customer/c1 changed since version 88 was read.", "", "88")),
            ("a database failure on another silo that Orleans could not serialize", new CodecNotFoundException("Could not find a codec for type Npgsql.PostgresException.")),
        };

        Assert.Empty(outages.Where(o => !Failures.IsOutage(o.Error)).Select(o => o.What));
    }

    [Fact]
    public void A_refused_row_is_a_refusal_not_an_outage()
    {
        var unique = new OrleansException("storage", new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation));
        var overflow = new PostgresException("numeric field overflow", "ERROR", "ERROR", PostgresErrorCodes.NumericValueOutOfRange);

        Assert.False(Failures.IsOutage(unique));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, Failures.DatabaseRefusal(unique)?.SqlState);
        Assert.Equal(PostgresErrorCodes.NumericValueOutOfRange, Failures.DatabaseRefusal(overflow)?.SqlState);
        Assert.False(Failures.IsOutage(new InvalidOperationException("a bug")));
        Assert.False(Failures.IsOutage(new CodecNotFoundException("Could not find a codec for type O2C.Grains.Something.")));
        Assert.Null(Failures.DatabaseRefusal(new InvalidOperationException("a bug")));
    }
}
