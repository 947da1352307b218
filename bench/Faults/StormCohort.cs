using Npgsql;
using O2C.Bench.Api;
using O2C.Bench.Scenarios;

namespace O2C.Bench.Faults;

/// <summary>
/// One storm of the silo-kill-advance fault: High-risk customers (five invoices each, a 5-day term,
/// all issued on <see cref="IssueDate"/>), so every invoice falls due at one instant and the ladder
/// of each case says where its messages belong: the first reminder on the day after
/// the due date, the second seven days after it (<c>DunningLadderOptions</c>, High), each on the
/// channels the customer prefers (every one of them: duplicates are counted per channel by <see cref="IntegrityCheck"/>).
/// The advance goes to the second reminder's day, so one advance carries both steps.
/// </summary>
public sealed class StormCohort(string prefix, int invoices, DateOnly issueDate)
{
    public const int InvoicesPerCustomer = 5;
    private const int ReminderDay = 1;
    private const int SecondReminderDay = 7;

    public int Customers => (invoices + InvoicesPerCustomer - 1) / InvoicesPerCustomer;

    public int Invoices => invoices;

    public DateOnly IssueDate => issueDate;

    public DateOnly DueDate => issueDate.AddDays(DueStormScenario.PaymentTermDays);

    /// <summary>Just past the start of the second reminder's day.</summary>
    public DateTimeOffset AdvanceTo => new DateTimeOffset(DueDate.AddDays(SecondReminderDay).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(1);

    public async Task IssueAsync(O2CApiClient api, CancellationToken cancellationToken)
    {
        await Workload.CreateCustomersAsync(api, prefix, Customers, _ => DueStormScenario.HighRiskScore, DueStormScenario.PaymentTermDays, cancellationToken);
        await Workload.IssueInvoicesAsync(api, invoices,
            i => OrderRequest.Sample(Workload.OrderId(prefix, "storm", i), Workload.CustomerId(prefix, i % Customers), issueDate), cancellationToken);
    }

    /// <summary>Overdue invoices so far: how far the storm got (the kill's trigger).</summary>
    public Task<long> OverdueAsync(string connectionString, CancellationToken cancellationToken) =>
        CountAsync(connectionString, "SELECT count(*) FROM invoices WHERE customer_id LIKE $1 AND status = 'Overdue'", cancellationToken);

    public async Task<Outcome> CheckAsync(string connectionString, CancellationToken cancellationToken)
    {
        var overdue = await OverdueAsync(connectionString, cancellationToken);
        var cases = await CountAsync(connectionString, "SELECT count(DISTINCT customer_id) FROM cases WHERE customer_id LIKE $1", cancellationToken);
        var sent = await CountAsync(connectionString,
            "SELECT count(DISTINCT (case_id, stage)) FROM messages WHERE customer_id LIKE $1 AND stage IN ('Reminder', 'SecondReminder')", cancellationToken);
        var wrongDay = await CountAsync(connectionString,
            $"""
            SELECT count(*) FROM messages WHERE customer_id LIKE $1 AND (created_at AT TIME ZONE 'UTC')::date IS DISTINCT FROM CASE stage
                WHEN 'Reminder' THEN DATE '{DueDate.AddDays(ReminderDay):yyyy-MM-dd}'
                WHEN 'SecondReminder' THEN DATE '{DueDate.AddDays(SecondReminderDay):yyyy-MM-dd}' END
            """, cancellationToken);
        return new Outcome(invoices - overdue, Customers - cases, (long)Customers * 2 - sent, wrongDay);
    }

    private async Task<long> CountAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = $"{prefix}-c%" });
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>What the storm left undone or did wrong: all zero once the advance is through.</summary>
    public sealed record Outcome(long NotOverdue, long CustomersWithoutCase, long MessagesMissing, long MessagesOnWrongDay)
    {
        public bool Complete => NotOverdue == 0 && CustomersWithoutCase == 0 && MessagesMissing == 0;

        public override string ToString() =>
            $"{NotOverdue} invoices not overdue, {CustomersWithoutCase} customers without a case, {MessagesMissing} ladder steps without their message, {MessagesOnWrongDay} on a wrong day";
    }
}
