using Npgsql;

namespace O2C.Runtime.Membership;

/// <summary>The <c>silos</c> table: registration, heartbeats, and the verdict on silos that went quiet.</summary>
public sealed class MembershipTable(NpgsqlDataSource dataSource)
{
    internal async Task HeartbeatAsync(SiloIdentity silo, string? address, double cpuPercent, long memoryBytes, long activations, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO silos (silo_id, host_name, address, status, started_at, last_heartbeat, cpu_percent, memory_bytes, activations)
            VALUES ($1, $2, $3, 'Active', $4, now(), $5, $6, $7)
            ON CONFLICT (silo_id) DO UPDATE SET address = excluded.address, status = 'Active', died_at = NULL, last_heartbeat = now(),
                cpu_percent = excluded.cpu_percent, memory_bytes = excluded.memory_bytes, activations = excluded.activations
            """);
        Add(command, silo.SiloId, silo.HostName, address, silo.StartedAt, cpuPercent, memoryBytes, activations);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Marks silos silent for longer than <paramref name="deathTimeout"/> as dead; returns how many.</summary>
    internal async Task<int> MarkDeadAsync(TimeSpan deathTimeout, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE silos SET status = 'Dead', died_at = last_heartbeat WHERE status = 'Active' AND last_heartbeat < now() - $1 * interval '1 millisecond'");
        Add(command, (long)deathTimeout.TotalMilliseconds);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal async Task MarkStoppedAsync(SiloIdentity silo, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE silos SET status = 'Stopped', died_at = now() WHERE silo_id = $1");
        Add(command, silo.SiloId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SiloEntry>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT silo_id, host_name, address, status, started_at, last_heartbeat, died_at, cpu_percent, memory_bytes, activations FROM silos ORDER BY started_at");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var silos = new List<SiloEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            silos.Add(new SiloEntry(
                reader.GetString(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                Enum.Parse<SiloStatus>(reader.GetString(3)),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetFieldValue<DateTimeOffset>(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
                reader.GetDouble(7),
                reader.GetInt64(8),
                reader.GetInt64(9)));
        }

        return silos;
    }

    private static void Add(NpgsqlCommand command, params object?[] values)
    {
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
    }
}
