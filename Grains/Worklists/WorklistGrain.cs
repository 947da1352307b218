using Microsoft.Extensions.Options;
using Npgsql;
using O2C.Clock;
using O2C.Grains.Collections;
using O2C.Grains.Interfaces.Collections;
using O2C.Grains.Interfaces.Customers;
using Orleans.Concurrency;

namespace O2C.Grains.Worklists;

/// <summary>
/// Reads the open cases' query rows and ranks them with <see cref="Worklist"/>. Amounts are ranked
/// as they are: cases in different currencies are compared without conversion (no exchange rates here).
/// </summary>
[GrainType("worklist"), StatelessWorker]
public sealed class WorklistGrain(NpgsqlDataSource dataSource, BusinessClock clock, IOptions<WorklistWeights> weights) : Grain, IWorklistGrain
{
    private const string OpenCases =
        """
        SELECT case_id, customer_id, currency, overdue_amount, oldest_due_date, risk_profile, broken_promises, broken_plans,
               next_action_at, hold, collector
        FROM cases WHERE status IN ('Open', 'Paused') AND overdue_amount > 0 AND ($1::text IS NULL OR collector = $1)
        """;

    public async Task<IReadOnlyList<WorklistItem>> Rank(string? collector, int limit)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var cases = new List<(WorklistCase Case, string CustomerId)>();
        await using (var command = dataSource.CreateCommand(OpenCases))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)collector ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var oldest = reader.IsDBNull(4) ? today : reader.GetFieldValue<DateOnly>(4);
                DateOnly? next = reader.IsDBNull(8) ? null : DateOnly.FromDateTime(reader.GetFieldValue<DateTimeOffset>(8).UtcDateTime);
                HoldKind? hold = reader.IsDBNull(9) ? null : Enum.Parse<HoldKind>(reader.GetString(9));
                cases.Add((new WorklistCase(
                    reader.GetString(0), reader.GetString(2), reader.GetDecimal(3), Math.Max(0, today.DayNumber - oldest.DayNumber),
                    Enum.Parse<RiskProfile>(reader.GetString(5)), reader.GetInt32(6), reader.GetInt32(7), next, hold,
                    reader.IsDBNull(10) ? null : reader.GetString(10)), reader.GetString(1)));
            }
        }

        var customers = cases.ToDictionary(c => c.Case.CaseId, c => c.CustomerId, StringComparer.Ordinal);
        return Worklist.Rank(cases.Select(c => c.Case), today, weights.Value)
            .Take(limit)
            .Select(e => new WorklistItem(
                e.Rank, e.Case.CaseId, customers[e.Case.CaseId], e.Case.Currency, e.Case.AmountAtRisk, e.Case.DaysOverdue, e.Case.RiskProfile,
                e.Case.BrokenPromises, e.Case.BrokenPlans, e.Case.NextActionDue, e.Case.Hold?.ToString(), e.Case.Collector,
                decimal.Round(e.Score, 2), decimal.Round(e.LikelihoodUnpaid, 4), decimal.Round(e.Urgency, 4), e.Reason))
            .ToList();
    }
}
