using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using O2C.Bench.Api;
using O2C.Bench.Cli;
using O2C.Bench.Load;
using O2C.Bench.Scenarios;

namespace O2C.Bench.Faults;

/// <summary>
/// The fault suite (issue 14): a PostgreSQL of its own and three silo processes, the ingest load, and
/// every chosen fault kind injected <see cref="BenchOptions.Repeats"/> times in a seeded order at seeded
/// moments; after each, recovery is measured and the integrity checks run. No ceilings are measured.
/// </summary>
public sealed class FaultSuite : IAsyncDisposable
{
    public const double RecoveryLimitSeconds = 10;
    public const int Silos = 3;
    private const int IngestCustomers = 50;
    private const int DefaultStormInvoices = 10_000;
    private static readonly TimeSpan MembershipWait = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ExitAfterResumeWait = TimeSpan.FromSeconds(30);

    private readonly BenchOptions _options;
    private readonly FaultCluster _cluster;
    private readonly ClusterClient _client;
    private readonly HttpClient[] _advanceClients;
    private readonly OutcomeTally _tally = new();
    private readonly WriteLedger _ledger = new();
    private readonly IngestLoad _load;
    private readonly Random _random;
    private readonly string _runId;
    private DateOnly _businessDate;

    private FaultSuite(BenchOptions options, FaultCluster cluster, string apiKey)
    {
        _options = options;
        _cluster = cluster;
        _random = new Random(options.Seed);
        _runId = $"f{options.Seed}";
        var clients = options.Concurrency ?? 8;
        _client = new ClusterClient(cluster.Addresses, apiKey, clients + Workload.SetupClients);
        _advanceClients = [.. cluster.Addresses.Select(address => ClusterClient.WithKey(BenchHttp.CreateClient(address, 2), apiKey))];
        _load = new IngestLoad(new RetryingWriter(_client, _tally), _ledger, _runId, IngestCustomers, clients);
    }

    public static async Task<FaultReport> RunAsync(BenchOptions options, string resultsDirectory, CancellationToken cancellationToken = default)
    {
        var apiKey = options.ApiKey ?? "faults-" + Guid.NewGuid().ToString("N");
        Console.WriteLine($"faults: seed {options.Seed}; starting PostgreSQL (its own cluster, fsync on) and {Silos} silo processes");
        var started = Stopwatch.GetTimestamp();
        await using var suite = new FaultSuite(options, await FaultCluster.StartAsync(Silos, apiKey, resultsDirectory, cancellationToken), apiKey);
        var injections = await suite.RunAsync(cancellationToken);
        var report = new FaultReport(options.Seed, injections, suite._ledger, suite._cluster.UnexpectedExits,
            await IntegrityCheck.RunAsync(suite._cluster.ConnectionString, suite._ledger, cancellationToken), Stopwatch.GetElapsedTime(started));
        Console.WriteLine();
        Console.WriteLine(report.ToTable());
        Console.WriteLine($"result: {await report.WriteJsonAsync(options.JsonPath ?? Path.Combine(resultsDirectory, $"faults-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json"))}");
        return report;
    }

    /// <summary>Every kind <see cref="BenchOptions.Repeats"/> times, shuffled by the seed.</summary>
    public static IReadOnlyList<(FaultKind Kind, int Number)> Schedule(BenchOptions options, Random random)
    {
        var kinds = options.Faults ?? Enum.GetValues<FaultKind>();
        var schedule = kinds.SelectMany(kind => Enumerable.Range(1, options.Repeats).Select(n => (kind, n))).ToArray();
        random.Shuffle(schedule);
        return schedule;
    }

    private async Task<List<Injection>> RunAsync(CancellationToken cancellationToken)
    {
        await _load.CreateCustomersAsync(cancellationToken);
        _businessDate = await BusinessDateAsync(cancellationToken);
        _load.Start(_businessDate);
        var injections = new List<Injection>();
        try
        {
            foreach (var (kind, number) in Schedule(_options, _random))
            {
                await _cluster.RestartExitedAsync(cancellationToken);
                Console.WriteLine($"faults: {FaultNames.Of(kind)} #{number}");
                var injection = kind == FaultKind.SiloKillDuringAdvance
                    ? await StormAsync(number, cancellationToken)
                    : await UnderLoadAsync(kind, number, cancellationToken);
                Console.WriteLine($"faults: {FaultNames.Of(kind)} #{number}: {FaultReport.Describe(injection)}");
                injections.Add(injection);
            }
        }
        finally
        {
            await _load.StopAsync();
        }

        return injections;
    }

    private async Task<Injection> UnderLoadAsync(FaultKind kind, int number, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(2 + 4 * _random.NextDouble()), cancellationToken);
        var victim = _random.Next(Silos);
        var before = _tally.Snapshot();
        var probe = RecoveryProbe.Start(_load, $"{_runId}-{FaultNames.Of(kind)}{number}-probe", _businessDate);
        var started = Stopwatch.GetTimestamp();
        var (what, aftermath) = kind switch
        {
            FaultKind.SiloKill => await KillAndRestartAsync(victim, cancellationToken),
            FaultKind.DatabaseRestart => await DatabaseRestartAsync(cancellationToken),
            FaultKind.DatabaseStop => await DatabaseStopAsync(cancellationToken),
            FaultKind.ConnectionsTerminated => ($"{await _cluster.TerminateConnectionsAsync(cancellationToken)} connections terminated", null),
            FaultKind.SiloPause => await PauseAsync(victim, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        var faultSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var recovering = probe.FaultEndedAsync();
        var notes = aftermath is null ? "" : await aftermath;
        var (recovery, served) = await recovering;
        return new Injection(kind, number, what)
        {
            FaultSeconds = faultSeconds,
            RecoverySeconds = recovery,
            ServedDuringFault = served,
            Outcomes = _tally.Since(before),
            Integrity = await IntegrityCheck.RunAsync(_cluster.ConnectionString, _ledger, cancellationToken),
            Notes = notes,
        };
    }

    private async Task<(string, Task<string>?)> KillAndRestartAsync(int victim, CancellationToken cancellationToken)
    {
        await _cluster.KillAsync(victim);
        var down = TimeSpan.FromSeconds(1 + 2 * _random.NextDouble());
        await Task.Delay(down, cancellationToken);
        await _cluster.StartSiloAsync(victim, cancellationToken);
        return ($"silo {victim + 1} killed (-9), restarted after {down.TotalSeconds:0.0} s (fault ends when it is ready)", null);
    }

    private async Task<(string, Task<string>?)> DatabaseRestartAsync(CancellationToken cancellationToken)
    {
        await _cluster.RestartDatabaseAsync(cancellationToken);
        return ("pg_ctl restart -m fast", null);
    }

    private async Task<(string, Task<string>?)> DatabaseStopAsync(CancellationToken cancellationToken)
    {
        await _cluster.StopDatabaseAsync(cancellationToken);
        await Task.Delay(_options.DatabaseStop, cancellationToken);
        await _cluster.StartDatabaseAsync(cancellationToken);
        return ($"pg_ctl stop -m fast, {_options.DatabaseStop.TotalSeconds:0} s down, start", null);
    }

    /// <summary>
    /// SIGSTOP until Orleans' membership table says the silo is dead, then SIGCONT. A silo that finds
    /// itself declared dead must end (Orleans does that): then it is restarted as a supervisor would;
    /// the aftermath runs while recovery is measured from SIGCONT.
    /// </summary>
    private async Task<(string, Task<string>?)> PauseAsync(int victim, CancellationToken cancellationToken)
    {
        await _cluster.PauseAsync(victim);
        var paused = Stopwatch.GetTimestamp();
        int? status = null;
        while (Stopwatch.GetElapsedTime(paused) < MembershipWait && (status = await _cluster.MembershipStatusAsync(victim, cancellationToken)) != MembershipDead)
        {
            await Task.Delay(500, cancellationToken);
        }

        var declared = status == MembershipDead ? $"declared dead after {Stopwatch.GetElapsedTime(paused).TotalSeconds:0.0} s" : $"NOT declared dead within {MembershipWait.TotalSeconds:0} s";
        _cluster.ExpectExit(victim);
        await _cluster.ResumeAsync(victim);
        return ($"silo {victim + 1} paused (SIGSTOP), {declared}, resumed (SIGCONT)", AfterResumeAsync(victim, cancellationToken));
    }

    private const int MembershipDead = 6;

    private async Task<string> AfterResumeAsync(int victim, CancellationToken cancellationToken)
    {
        var resumed = Stopwatch.GetTimestamp();
        string note;
        if (await _cluster.WaitForExitAsync(victim, ExitAfterResumeWait))
        {
            note = $"it ended itself {Stopwatch.GetElapsedTime(resumed).TotalSeconds:0.0} s after SIGCONT (Orleans: declared dead); restarted by the suite as a supervisor would";
        }
        else
        {
            note = $"STILL RUNNING {ExitAfterResumeWait.TotalSeconds:0} s after SIGCONT (membership status {await _cluster.MembershipStatusAsync(victim, cancellationToken)}); killed and restarted";
            await _cluster.KillAsync(victim);
        }

        await _cluster.StartSiloAsync(victim, cancellationToken);
        return note;
    }

    /// <summary>
    /// A storm falls due; an advance through it goes to one silo, and one silo (perhaps the same) is
    /// killed once a seeded share of its invoices became overdue; restarted, and the advance sent again.
    /// An advance answering 200 must mean the whole storm was through, on its days.
    /// </summary>
    private async Task<Injection> StormAsync(int number, CancellationToken cancellationToken)
    {
        await _load.StopAsync();
        var invoices = _options.Invoices ?? DefaultStormInvoices;
        var cohort = new StormCohort($"{_runId}s{number}", invoices, _businessDate);
        Console.WriteLine($"faults: storm #{number}: {invoices:N0} invoices of {cohort.Customers:N0} High-risk customers issued {cohort.IssueDate}, due {cohort.DueDate}; advancing to {cohort.AdvanceTo:O}");
        await cohort.IssueAsync(new O2CApiClient(_client.Silo(0)), cancellationToken);
        var advancer = _random.Next(Silos);
        var victim = _random.Next(Silos);
        var share = 0.1 + 0.6 * _random.NextDouble();
        var down = TimeSpan.FromSeconds(1 + 2 * _random.NextDouble());

        var advanceStarted = Stopwatch.GetTimestamp();
        var first = AdvanceAsync(_advanceClients[advancer], cohort.AdvanceTo, cancellationToken);
        long overdue;
        while ((overdue = await cohort.OverdueAsync(_cluster.ConnectionString, cancellationToken)) < share * invoices && !first.IsCompleted)
        {
            await Task.Delay(50, cancellationToken);
        }

        var before = _tally.Snapshot();
        var probe = RecoveryProbe.Start(_load, $"{_runId}-advance{number}-probe", _businessDate);
        var started = Stopwatch.GetTimestamp();
        await _cluster.KillAsync(victim);
        var notes = new List<string> { $"advance sent to silo {advancer + 1}; silo {victim + 1} killed at {overdue:N0} overdue (aimed at {share:P0}){(first.IsCompleted ? ", after the advance had answered" : "")}" };

        // The supervisor restarts the silo while the first advance still runs (or has failed with it).
        var faultSeconds = 0.0;
        var restarted = Task.Run(async () =>
        {
            await Task.Delay(down, cancellationToken);
            await _cluster.StartSiloAsync(victim, cancellationToken);
            faultSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            return await probe.FaultEndedAsync();
        }, cancellationToken);

        var premature = 0;
        var firstAnswer = await first;
        notes.Add($"first advance: {firstAnswer} after {Stopwatch.GetElapsedTime(advanceStarted).TotalSeconds:0.0} s");
        if (firstAnswer == "200" && await cohort.CheckAsync(_cluster.ConnectionString, cancellationToken) is { Complete: false } early)
        {
            premature++;
            notes.Add($"ANSWERED 200 WITH THE STORM UNFINISHED: {early}");
        }

        var (recovery, served) = await restarted;

        var again = Stopwatch.GetTimestamp();
        var secondAnswer = await AdvanceAsync(_advanceClients[_random.Next(Silos)], cohort.AdvanceTo, cancellationToken);
        var storm = await cohort.CheckAsync(_cluster.ConnectionString, cancellationToken);
        notes.Add($"advance again: {secondAnswer} after {Stopwatch.GetElapsedTime(again).TotalSeconds:0.0} s");
        if (secondAnswer == "200" && !storm.Complete)
        {
            premature++;
            notes.Add($"ANSWERED 200 WITH THE STORM UNFINISHED: {storm}");
        }

        _businessDate = await BusinessDateAsync(cancellationToken);
        _load.Start(_businessDate);
        return new Injection(FaultKind.SiloKillDuringAdvance, number, $"storm of {invoices:N0}; silo {victim + 1} killed (-9) during the advance, restarted after {down.TotalSeconds:0.0} s")
        {
            FaultSeconds = faultSeconds,
            RecoverySeconds = recovery,
            ServedDuringFault = served,
            Outcomes = _tally.Since(before),
            Integrity = await IntegrityCheck.RunAsync(_cluster.ConnectionString, _ledger, cancellationToken),
            Storm = storm,
            PrematureSuccesses = premature,
            Notes = string.Join("; ", notes),
        };
    }

    /// <summary>The advance's HTTP status, or how it failed without one.</summary>
    private static async Task<string> AdvanceAsync(HttpClient silo, DateTimeOffset to, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await silo.PostAsJsonAsync("/v1/clock/advance", new ClockAdvanceRequest(to), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return response.IsSuccessStatusCode ? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture) : $"{(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}";
        }
        catch (HttpRequestException error)
        {
            return $"no answer ({error.HttpRequestError})";
        }
    }

    private async Task<DateOnly> BusinessDateAsync(CancellationToken cancellationToken)
    {
        var clock = await _client.Silo(0).GetFromJsonAsync<ClockReading>("/v1/clock", cancellationToken)
            ?? throw new InvalidOperationException("GET /v1/clock answered nothing");
        return DateOnly.FromDateTime(clock.Now.UtcDateTime);
    }

    public async ValueTask DisposeAsync()
    {
        _load.Dispose();
        await _client.DisposeAsync();
        foreach (var advance in _advanceClients)
        {
            advance.Dispose();
        }

        await _cluster.DisposeAsync();
    }

    private sealed record ClockReading(DateTimeOffset Now);
}
