using Npgsql;
using O2C.Grains.Interfaces.Dunning;

namespace O2C.Api.Dashboard;

/// <summary>
/// The business panel in one round trip of four statements, each an index range scan bounded by
/// what is live (open invoices, open cases, the last minute, 90 days of sales), never by history.
/// </summary>
public sealed class BusinessQuery(NpgsqlDataSource dataSource)
{
    public const string RatesSql = """
        SELECT (SELECT count(*) FROM orders   WHERE inserted_at > now() - interval '1 minute'),
               (SELECT count(*) FROM payments WHERE inserted_at > now() - interval '1 minute'),
               (SELECT count(*) FROM messages WHERE inserted_at > now() - interval '1 minute')
        """;

    public const string AgingSql = """
        SELECT currency,
               CASE WHEN due_date >= $1 THEN 'current' WHEN due_date >= $1 - 30 THEN '1-30' WHEN due_date >= $1 - 60 THEN '31-60'
                    WHEN due_date >= $1 - 90 THEN '61-90' ELSE '90+' END,
               count(*), sum(outstanding)
        FROM invoices WHERE outstanding > 0 AND status NOT IN ('Paid', 'WrittenOff')
        GROUP BY 1, 2
        """;

    public const string CasesSql = """
        SELECT stage, risk_profile, count(*), sum(overdue_amount)
        FROM cases WHERE status IN ('Open', 'Paused', 'InCollection')
        GROUP BY 1, 2
        """;

    public const string SalesSql = "SELECT currency, sum(total) FROM invoices WHERE issue_date > $1 - 90 GROUP BY 1";

    private static readonly string[] Buckets = ["current", "1-30", "31-60", "61-90", "90+"];
    private static readonly string[] RiskProfiles = ["Low", "Medium", "High"];

    public async Task<BusinessView> ReadAsync(DateTimeOffset businessNow, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(businessNow.UtcDateTime);
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(RatesSql));
        batch.BatchCommands.Add(WithDate(AgingSql, today));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(CasesSql));
        batch.BatchCommands.Add(WithDate(SalesSql, today));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);

        await reader.ReadAsync(cancellationToken);
        var (orders, payments, messages) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));

        await reader.NextResultAsync(cancellationToken);
        var aging = new List<AgingBucketView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            aging.Add(new AgingBucketView(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetDecimal(3)));
        }

        await reader.NextResultAsync(cancellationToken);
        var cases = new List<(string Stage, string Risk, long Count, decimal Amount)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            cases.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetDecimal(3)));
        }

        await reader.NextResultAsync(cancellationToken);
        var sales = new Dictionary<string, decimal>();
        while (await reader.ReadAsync(cancellationToken))
        {
            sales[reader.GetString(0)] = reader.GetDecimal(1);
        }

        aging = [.. aging.OrderBy(a => a.Currency, StringComparer.Ordinal).ThenBy(a => Array.IndexOf(Buckets, a.Bucket))];
        var receivables = aging.GroupBy(a => a.Currency).Select(g => new ReceivablesView(
                g.Key, g.Sum(a => a.Invoices), g.Sum(a => a.Amount),
                g.Where(a => a.Bucket != "current").Sum(a => a.Invoices), g.Where(a => a.Bucket != "current").Sum(a => a.Amount)))
            .ToList();
        var dso = receivables.Select(r => r.Currency).Union(sales.Keys).Order(StringComparer.Ordinal).Select(currency =>
        {
            var receivable = receivables.FirstOrDefault(r => r.Currency == currency)?.OpenAmount ?? 0;
            var sold = sales.GetValueOrDefault(currency);
            return new DsoView(currency, receivable, sold, sold > 0 ? Math.Round((double)(receivable / sold) * 90, 1) : null);
        }).ToList();

        return new BusinessView(
            businessNow, orders, payments, messages, receivables, cases.Sum(c => c.Count),
            [.. cases.GroupBy(c => c.Stage).OrderBy(g => StageOrder(g.Key)).Select(g => new CaseCountView(g.Key, g.Sum(c => c.Count), g.Sum(c => c.Amount)))],
            [.. cases.GroupBy(c => c.Risk).OrderBy(g => Array.IndexOf(RiskProfiles, g.Key)).Select(g => new CaseCountView(g.Key, g.Sum(c => c.Count), g.Sum(c => c.Amount)))],
            aging,
            dso);
    }

    private static int StageOrder(string stage) => Enum.TryParse<DunningStage>(stage, out var s) ? (int)s : int.MaxValue;

    private static NpgsqlBatchCommand WithDate(string sql, DateOnly date)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = date });
        return command;
    }
}
