using System.Diagnostics;
using System.Globalization;
using Npgsql;
using O2C.Api.BankStatements;
using O2C.CashApplication.Camt;
using O2C.CashApplication.Matching;
using O2C.Tests.Support;
using Xunit.Abstractions;

namespace O2C.Api.Tests.BankStatements;

/// <summary>
/// Measures how the import records 20,000 results (bench/README.md, "Bank statement import"): the JSON record set it used
/// before, the binary COPY it uses now and COPY through a temporary table (its fallback when a concurrent import recorded
/// rows first), side by side in one run, each into a fresh database, twice in turn. Reports figures; asserts only that each
/// wrote every row. And the fallback itself: recording rows of which some are recorded already skips those, no failure.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class RecordingMeasurementTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private const int Entries = 20_000;
    private static readonly DateTimeOffset Now = TestCluster.Epoch;

    [Fact]
    public async Task Recording_twenty_thousand_results_by_json_record_set_and_by_binary_copy()
    {
        var (results, queued) = Results();
        var timings = new Dictionary<EntryRowTransport, List<double>>();
        EntryRowTransport[] transports = [EntryRowTransport.JsonRecordSet, EntryRowTransport.BinaryCopy, EntryRowTransport.BinaryCopyThroughTemporaryTable];
        foreach (var transport in transports.Concat(transports))
        {
            await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync());
            var store = new BankStatementStore(dataSource);
            var watch = Stopwatch.StartNew();
            await store.RecordEntriesAsync(results, queued, Now, CancellationToken.None, transport);
            var elapsed = watch.Elapsed.TotalMilliseconds;
            (timings.TryGetValue(transport, out var list) ? list : timings[transport] = []).Add(elapsed);

            await using var count = dataSource.CreateCommand("SELECT (SELECT count(*) FROM bank_entries), (SELECT count(*) FROM payments WHERE source = 'statement')");
            await using var reader = await count.ExecuteReaderAsync();
            await reader.ReadAsync();
            Assert.Equal((Entries, queued.Count), ((int)reader.GetInt64(0), (int)reader.GetInt64(1)));
        }

        foreach (var (transport, runs) in timings)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{transport}: {string.Join(" / ", runs.Select(ms => $"{ms:0} ms"))} for {Entries:N0} results ({queued.Count:N0} queued, also written to payments)"));
        }
    }

    [Fact]
    public async Task Rows_recorded_already_by_a_concurrent_import_are_skipped_and_the_rest_recorded()
    {
        var (results, queued) = Results(count: 50);
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync());
        var store = new BankStatementStore(dataSource);

        await store.RecordEntriesAsync(results[..20], queued, Now, CancellationToken.None);
        await store.RecordEntriesAsync(results, queued, Now, CancellationToken.None);
        await store.RecordEntriesAsync(results, queued, Now, CancellationToken.None);

        await using var count = dataSource.CreateCommand("SELECT (SELECT count(*) FROM bank_entries), (SELECT count(*) FROM payments WHERE source = 'statement' AND status = 'Unmatched')");
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal((50L, 50L), (reader.GetInt64(0), reader.GetInt64(1)));
    }

    private static (List<EntryResult> Results, Dictionary<string, QueuedStatementPayment> Queued) Results(int count = Entries)
    {
        var results = new List<EntryResult>(count);
        var queued = new Dictionary<string, QueuedStatementPayment>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = $"NL91ABNA0417164300/MEASURE-{i:0000000}";
            var amount = 10m + (i % 97);
            var paymentId = $"bank-measure-{i:0000000}";
            var candidates = new List<MatchCandidate> { new($"INV-M-{i % 300:0000}", $"INV-M-{i % 300:0000}", "measure", amount, new DateOnly(2026, 2, 1), 0m, "None: open amount equals the payment") };
            results.Add(new EntryResult(paymentId, key, 0, "NL91ABNA0417164300|MEASURE-1|1", i, EntryStatus.Unmatched, amount, "EUR", "Credit", new DateOnly(2026, 2, 14),
                $"Stranger {i % 500}", $"DE{i % 89:00}500105170000{i:000000}", "None", 0, [], amount, candidates, "Unmatched: no reference, no invoice number and no known payer."));
            queued[paymentId] = new QueuedStatementPayment(
                new BankPayment(key, amount, "EUR", CreditDebit.Credit, false, new DateOnly(2026, 2, 14), [], [], "Overboeking eigen rekening", null,
                    $"Stranger {i % 500}", $"DE{i % 89:00}500105170000{i:000000}"),
                null);
        }

        return (results, queued);
    }
}
