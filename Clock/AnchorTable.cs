using Npgsql;

namespace O2C.Clock;

/// <summary>The single row of <c>business_clock</c> (migration 0011) and its notification channel.</summary>
internal sealed class AnchorTable(NpgsqlDataSource dataSource)
{
    /// <summary>NOTIFY channel of Manual moves; the payload is the new business time (ISO 8601).</summary>
    public const string Channel = "business_clock";

    private const string Columns = "mode, business_at, wall_at, speed";

    public async Task<ClockAnchor?> ReadAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM business_clock");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadAnchor(reader) : null;
    }

    /// <summary>
    /// Creates the row from <paramref name="seed"/> when there is none, else continues the stored
    /// anchor as <paramref name="seed"/>'s mode and speed (<see cref="ClockAnchor.ContinueAs"/>), in one
    /// transaction holding the row, so silos starting together agree.
    /// </summary>
    /// <param name="seed">This silo's clock as configured: mode, speed and the business time it reads.</param>
    /// <param name="wallNow">Wall time now, from which a changed anchor starts.</param>
    /// <returns>The anchor now in force, and the one it replaced (null when created or kept).</returns>
    public async Task<(ClockAnchor Anchor, ClockAnchor? Replaced, bool Created)> AdoptAsync(ClockAnchor seed, DateTimeOffset wallNow, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        bool created;
        await using (var insert = new NpgsqlCommand(
            $"INSERT INTO business_clock ({Columns}) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING", connection, transaction))
        {
            AddAnchor(insert, seed);
            created = await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
        }

        ClockAnchor stored;
        await using (var select = new NpgsqlCommand($"SELECT {Columns} FROM business_clock FOR UPDATE", connection, transaction))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            stored = ReadAnchor(reader);
        }

        var anchor = stored.ContinueAs(seed.Mode, seed.Speed, wallNow);
        if (!ReferenceEquals(anchor, stored))
        {
            await using var update = new NpgsqlCommand(
                "UPDATE business_clock SET mode = $1, business_at = $2, wall_at = $3, speed = $4, updated_at = now()", connection, transaction);
            AddAnchor(update, anchor);
            await update.ExecuteNonQueryAsync(cancellationToken);
            if (anchor.Mode == ClockMode.Manual)
            {
                await NotifyAsync(connection, transaction, anchor.BusinessTime, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return (anchor, ReferenceEquals(anchor, stored) ? null : stored, created);
    }

    /// <summary>
    /// Moves the Manual anchor to <paramref name="to"/> unless it already stands later, and notifies
    /// every listening silo in the same transaction.
    /// </summary>
    /// <returns>The business time the anchor stands at now.</returns>
    /// <exception cref="ClockNotManualException">The stored anchor is not Manual.</exception>
    public async Task<DateTimeOffset> MoveAsync(DateTimeOffset to, DateTimeOffset wallNow, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        DateTimeOffset standing;
        await using (var move = new NpgsqlCommand(
            """
            UPDATE business_clock
               SET business_at = greatest(business_at, $1),
                   wall_at = CASE WHEN $1 > business_at THEN $2 ELSE wall_at END,
                   updated_at = now()
             WHERE mode = 'Manual'
            RETURNING business_at
            """, connection, transaction))
        {
            move.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = to });
            move.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = wallNow });
            if (await move.ExecuteScalarAsync(cancellationToken) is not DateTime moved)
            {
                await transaction.RollbackAsync(cancellationToken);
                var stored = await ReadAsync(cancellationToken)
                    ?? throw new InvalidOperationException("The cluster has no business clock anchor yet: start ClusterClock before moving it.");
                throw new ClockNotManualException(stored.Mode);
            }

            standing = new DateTimeOffset(DateTime.SpecifyKind(moved, DateTimeKind.Utc));
        }

        await NotifyAsync(connection, transaction, standing, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return standing;
    }

    public static string Payload(DateTimeOffset businessTime) =>
        businessTime.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParsePayload(string payload) =>
        DateTimeOffset.TryParseExact(payload, "O", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;

    private static async Task NotifyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset businessTime, CancellationToken cancellationToken)
    {
        // Delivered at commit, so a listener never sees a move that was rolled back.
        await using var notify = new NpgsqlCommand("SELECT pg_notify($1, $2)", connection, transaction);
        notify.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Channel });
        notify.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Payload(businessTime) });
        await notify.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddAnchor(NpgsqlCommand command, ClockAnchor anchor)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = anchor.Mode.ToString() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = anchor.BusinessTime.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = anchor.WallTime.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = anchor.Speed });
    }

    private static ClockAnchor ReadAnchor(NpgsqlDataReader reader) => new(
        Enum.Parse<ClockMode>(reader.GetString(0)),
        reader.GetFieldValue<DateTimeOffset>(1),
        reader.GetFieldValue<DateTimeOffset>(2),
        reader.GetDouble(3));
}
