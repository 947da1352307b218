using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace O2C.Storage;

/// <summary>
/// Orleans' reminder table on the same <c>orleansreminderstable</c> rows as the stock AdoNet one,
/// with the registrations, removals and look-ups of many grains at once sent as one statement each
/// (<see cref="GroupQuery{TKey, TResult}"/>): the stock table spends a round trip and a commit per
/// reminder, which at month-end is one per invoice falling due (measured in bench/README.md).
/// </summary>
public sealed class O2CReminderTable : IReminderTable, IAsyncDisposable
{
    private const string Columns = "grainid, remindername, starttime, period, version";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _serviceId;
    private readonly GroupQuery<ReminderUpsert, string?> _upserts;
    private readonly GroupQuery<ReminderRemoval, bool> _removals;
    private readonly GroupQuery<ReminderKey, ReminderEntry?> _reads;

    public O2CReminderTable(NpgsqlDataSource dataSource, IOptions<ClusterOptions> cluster)
    {
        _dataSource = dataSource;
        _serviceId = cluster.Value.ServiceId;
        _upserts = new(UpsertAsync, missing: null);
        _removals = new(RemoveAsync, missing: false);
        _reads = new(ReadAsync, missing: null);
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<string?> UpsertRow(ReminderEntry entry) =>
        _upserts.GetAsync(new ReminderUpsert(entry.GrainId, entry.ReminderName, entry.StartAt, entry.Period));

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        int.TryParse(eTag, out var version)
            ? _removals.GetAsync(new ReminderRemoval(grainId, reminderName, version))
            : Task.FromResult(false);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) =>
        _reads.GetAsync(new ReminderKey(grainId, reminderName));

    public async Task<ReminderTableData> ReadRows(GrainId grainId)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {Columns} FROM orleansreminderstable WHERE serviceid = $1 AND grainid = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = _serviceId });
        command.Parameters.Add(new NpgsqlParameter { Value = grainId.ToString() });
        return new ReminderTableData(await EntriesAsync(command));
    }

    /// <summary>The rows of the ring range (begin, end] of grain hashes, which wraps around when begin is not below end.</summary>
    public async Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        // The hash is stored as a signed integer (as the stock table does); ranges compare it unsigned.
        await using var command = _dataSource.CreateCommand(
            $"""
            SELECT {Columns} FROM orleansreminderstable
            WHERE serviceid = $1 AND CASE WHEN $2 < $3 THEN (grainhash::bigint & 4294967295) > $2 AND (grainhash::bigint & 4294967295) <= $3
                                          ELSE (grainhash::bigint & 4294967295) > $2 OR (grainhash::bigint & 4294967295) <= $3 END
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = _serviceId });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)begin });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)end });
        return new ReminderTableData(await EntriesAsync(command));
    }

    public async Task TestOnlyClearTable()
    {
        await using var command = _dataSource.CreateCommand("DELETE FROM orleansreminderstable WHERE serviceid = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = _serviceId });
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _upserts.DisposeAsync();
        await _removals.DisposeAsync();
        await _reads.DisposeAsync();
    }

    private async Task<IReadOnlyDictionary<ReminderUpsert, string?>> UpsertAsync(IReadOnlyList<ReminderUpsert> batch)
    {
        var versions = new Dictionary<ReminderUpsert, string?>();

        // One statement may not touch a row twice: two registrations of one reminder go in turns.
        foreach (var round in batch.GroupBy(u => (u.GrainId, u.Name)).SelectMany(g => g.Select((u, turn) => (u, turn))).GroupBy(x => x.turn, x => x.u))
        {
            var upserts = round.ToList();
            await using var command = _dataSource.CreateCommand(
                """
                INSERT INTO orleansreminderstable AS r (serviceid, grainid, remindername, starttime, period, grainhash, version)
                SELECT $1, g, n, s, p, h, 0 FROM unnest($2::text[], $3::text[], $4::timestamptz[], $5::bigint[], $6::int[]) AS u(g, n, s, p, h)
                ON CONFLICT (serviceid, grainid, remindername)
                DO UPDATE SET starttime = excluded.starttime, period = excluded.period, grainhash = excluded.grainhash, version = r.version + 1
                RETURNING grainid, remindername, version
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = _serviceId });
            command.Parameters.Add(new NpgsqlParameter { Value = upserts.Select(u => u.GrainId.ToString()).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = upserts.Select(u => u.Name).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = upserts.Select(u => new DateTimeOffset(DateTime.SpecifyKind(u.StartAt, DateTimeKind.Utc))).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = upserts.Select(u => (long)u.Period.TotalMilliseconds).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = upserts.Select(u => unchecked((int)u.GrainId.GetUniformHashCode())).ToArray() });
            var stored = new Dictionary<(string, string), string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    stored[(reader.GetString(0), reader.GetString(1))] = reader.GetInt32(2).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            foreach (var upsert in upserts)
            {
                versions[upsert] = stored.GetValueOrDefault((upsert.GrainId.ToString(), upsert.Name));
            }
        }

        return versions;
    }

    private async Task<IReadOnlyDictionary<ReminderRemoval, bool>> RemoveAsync(IReadOnlyList<ReminderRemoval> batch)
    {
        await using var command = _dataSource.CreateCommand(
            """
            DELETE FROM orleansreminderstable r USING unnest($2::text[], $3::text[], $4::int[]) AS d(g, n, v)
            WHERE r.serviceid = $1 AND r.grainid = d.g AND r.remindername = d.n AND r.version = d.v
            RETURNING r.grainid, r.remindername, r.version
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = _serviceId });
        command.Parameters.Add(new NpgsqlParameter { Value = batch.Select(r => r.GrainId.ToString()).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = batch.Select(r => r.Name).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = batch.Select(r => r.Version).ToArray() });
        var removed = new HashSet<(string, string, int)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                removed.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
            }
        }

        return batch.ToDictionary(r => r, r => removed.Contains((r.GrainId.ToString(), r.Name, r.Version)));
    }

    private async Task<IReadOnlyDictionary<ReminderKey, ReminderEntry?>> ReadAsync(IReadOnlyList<ReminderKey> batch)
    {
        await using var command = _dataSource.CreateCommand(
            $"""
            SELECT {Columns} FROM orleansreminderstable r JOIN unnest($2::text[], $3::text[]) AS k(g, n) ON r.grainid = k.g AND r.remindername = k.n
            WHERE r.serviceid = $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = _serviceId });
        command.Parameters.Add(new NpgsqlParameter { Value = batch.Select(k => k.GrainId.ToString()).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = batch.Select(k => k.Name).ToArray() });
        return (await EntriesAsync(command)).ToDictionary(e => new ReminderKey(e.GrainId, e.ReminderName), ReminderEntry? (e) => e);
    }

    private static async Task<List<ReminderEntry>> EntriesAsync(NpgsqlCommand command)
    {
        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = reader.GetFieldValue<DateTimeOffset>(2).UtcDateTime,
                Period = TimeSpan.FromMilliseconds(reader.GetInt64(3)),
                ETag = reader.GetInt32(4).ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        return entries;
    }

    private sealed record ReminderUpsert(GrainId GrainId, string Name, DateTime StartAt, TimeSpan Period);

    private sealed record ReminderRemoval(GrainId GrainId, string Name, int Version);

    private sealed record ReminderKey(GrainId GrainId, string Name);
}
