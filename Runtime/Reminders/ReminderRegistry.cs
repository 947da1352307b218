using Npgsql;
using O2C.Runtime.Statistics;
using O2C.Runtime.Storage;

namespace O2C.Runtime.Reminders;

/// <summary>Registers, removes and reads reminder rows; writes go through group commit.</summary>
internal sealed class ReminderRegistry(NpgsqlDataSource dataSource, GroupCommitter committer, GrainStatistics statistics)
{
    public async Task<IGrainReminder> RegisterAsync(GrainId grain, string name, DateTimeOffset dueAt, TimeSpan? period)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        await committer.CommitAsync(state: null, [], reminders: [new ReminderOp(grain, name, dueAt, period, Remove: false)]);
        statistics.ReminderRegistered();
        return new GrainReminder(name, dueAt, period);
    }

    public Task UnregisterAsync(GrainId grain, string name) =>
        committer.CommitAsync(state: null, [], reminders: [new ReminderOp(grain, name, default, null, Remove: true)]);

    public async Task<IGrainReminder?> GetAsync(GrainId grain, string name) =>
        (await ReadAsync(grain, name)).FirstOrDefault();

    public async Task<IReadOnlyList<IGrainReminder>> GetAllAsync(GrainId grain) => await ReadAsync(grain, name: null);

    private async Task<List<IGrainReminder>> ReadAsync(GrainId grain, string? name)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT name, due_at, period_ms FROM reminders WHERE grain_type = $1 AND grain_key = $2 AND ($3::text IS NULL OR name = $3) ORDER BY name");
        command.Parameters.Add(new NpgsqlParameter { Value = grain.Type });
        command.Parameters.Add(new NpgsqlParameter { Value = grain.Key });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)name ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync();
        var reminders = new List<IGrainReminder>();
        while (await reader.ReadAsync())
        {
            reminders.Add(new GrainReminder(
                reader.GetString(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(2) ? null : TimeSpan.FromMilliseconds(reader.GetInt64(2))));
        }

        return reminders;
    }
}
