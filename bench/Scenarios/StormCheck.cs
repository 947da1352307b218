using System.Diagnostics;

namespace O2C.Bench.Scenarios;

/// <summary>The due-storm's SQL checks over the customers whose ids match a LIKE pattern.</summary>
public sealed class StormCheck(string connectionString, string customerPattern)
{
    public sealed record State(long Overdue, long CustomersWithCase, long CustomersWithSeveralCases, long CasesWithoutFirstMessage, long CasesWithSeveralFirstMessages)
    {
        public bool IsCorrect(long invoices, long customers) =>
            Overdue == invoices && CustomersWithCase == customers && CustomersWithSeveralCases == 0 && CasesWithoutFirstMessage == 0 && CasesWithSeveralFirstMessages == 0;

        public override string ToString() =>
            $"{Overdue:N0} invoices overdue, {CustomersWithCase:N0} customers with a case, {CustomersWithSeveralCases:N0} with several, "
            + $"first messages missed in {CasesWithoutFirstMessage:N0} cases, duplicated in {CasesWithSeveralFirstMessages:N0}";
    }

    public async Task<State> ReadAsync()
    {
        var p = customerPattern;
        return new State(
            await Sql.CountAsync(connectionString, "SELECT count(*) FROM invoices WHERE customer_id LIKE $1 AND status = 'Overdue'", p),
            await Sql.CountAsync(connectionString, "SELECT count(DISTINCT customer_id) FROM cases WHERE customer_id LIKE $1", p),
            await Sql.CountAsync(connectionString, "SELECT count(*) FROM (SELECT customer_id FROM cases WHERE customer_id LIKE $1 GROUP BY customer_id HAVING count(*) > 1) x", p),
            await Sql.CountAsync(connectionString,
                "SELECT count(*) FROM cases c WHERE c.customer_id LIKE $1 AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.case_id = c.case_id AND m.stage = 'Reminder')", p),
            await Sql.CountAsync(connectionString,
                "SELECT count(*) FROM (SELECT case_id FROM messages WHERE customer_id LIKE $1 AND stage = 'Reminder' GROUP BY case_id HAVING count(*) > 1) x", p));
    }

    /// <summary>Polls until every invoice is overdue and every customer's case has its first message, or the timeout passes.</summary>
    public async Task<State> WaitUntilCompleteAsync(long invoices, long customers, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var state = await ReadAsync();
            var complete = state.Overdue == invoices && state.CustomersWithCase == customers && state.CasesWithoutFirstMessage == 0;
            if (complete || Stopwatch.GetElapsedTime(started) > timeout)
            {
                return state;
            }

            await Task.Delay(250, cancellationToken);
        }
    }
}
