using Npgsql;
using O2C.Bench.Hosting;
using O2C.Bench.Load;
using O2C.Bench.Reporting;

namespace O2C.Bench.Ceilings;

/// <summary>Measures the four ceilings of this machine and server; every scenario figure is a ratio to one of them.</summary>
public static class CeilingSuite
{
    public const string Copy = "P-COPY";
    public const string Row = "P-ROW";
    public const string Queue = "P-Q";
    public const string Json = "H-JSON";
    private const string Scenario = "ceilings";

    public static async Task MeasureAsync(BenchReport report, BenchDatabase database, int copyOrders, TimeSpan duration, int queueRows, CancellationToken cancellationToken)
    {
        Console.WriteLine($"ceilings: P-COPY of {copyOrders:N0} orders ({copyOrders * OrderRows.RowsPerOrder:N0} rows), P-ROW and H-JSON for {duration.TotalSeconds:0.#} s, P-Q over {queueRows:N0} rows");
        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = RowCeiling.Connections + 16, ApplicationName = "o2c-bench" };
        await using var dataSource = NpgsqlDataSource.Create(connection.ConnectionString);
        await using (await ScratchSchema.CreateAsync(dataSource, cancellationToken))
        {
            await MeasureOneAsync(report, Copy, async () =>
            {
                var cpu = MachineCpu.Read();
                var elapsed = await CopyCeiling.MeasureAsync(dataSource, copyOrders, cancellationToken);
                var busy = MachineCpu.BusySince(cpu);
                return new Figure(Scenario, Copy, copyOrders / elapsed.TotalSeconds, "orders/s")
                {
                    Note = $"{copyOrders:N0} orders = {copyOrders * OrderRows.RowsPerOrder:N0} rows in {elapsed.TotalSeconds:0.00} s "
                        + $"({copyOrders * OrderRows.RowsPerOrder / elapsed.TotalSeconds:N0} rows/s); binary COPY, one stream per table, committed",
                }.WithCpu(busy, copyOrders);
            });
            await MeasureOneAsync(report, Row, async () =>
            {
                var result = await RowCeiling.MeasureAsync(dataSource, duration, cancellationToken);
                return Rate(Row, result, "commits/s", $"{RowCeiling.Connections} connections, one-row INSERT autocommitted, {result.Units:N0} commits");
            });
            await MeasureOneAsync(report, Queue, async () =>
            {
                var result = await QueueCeiling.MeasureAsync(dataSource, queueRows, cancellationToken);
                return Rate(Queue, result, "rows/s", $"{result.Units:N0} rows in {result.Requests:N0} rounds of {QueueCeiling.ClaimSize}; latency per round");
            });
        }

        await MeasureOneAsync(report, Json, async () =>
        {
            var result = await HttpCeiling.MeasureAsync(duration, cancellationToken);
            return Rate(Json, result, "req/s", $"{HttpCeiling.Clients} clients, GET of a 50-byte JSON body from Kestrel in the bench process");
        });
    }

    private static Figure Rate(string name, LoadResult result, string unit, string note)
    {
        if (result.Errors > 0)
        {
            throw new InvalidOperationException($"{result.Errors} of {result.Requests} requests failed, first: {result.FirstError}");
        }

        return new Figure(Scenario, name, result.UnitsPerSecond, unit) { Note = note }.WithLatency(result.Latency).WithCpu(result);
    }

    private static async Task MeasureOneAsync(BenchReport report, string name, Func<Task<Figure>> measure)
    {
        try
        {
            report.AddCeiling(await measure());
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            report.AddCeiling(Figure.Unavailable(Scenario, name, $"failed: {error.Message}"));
        }
    }
}
