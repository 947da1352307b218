using System.Globalization;
using O2C.Bench.Faults;

namespace O2C.Bench.Cli;

/// <summary>The command line of a run: <c>&lt;scenario&gt; [--orders N] [--concurrency C] [--rate R] [--connection cs] [--json out.json] ...</c>.</summary>
public sealed record BenchOptions
{
    public static readonly IReadOnlyList<string> Scenarios =
        ["ceilings", "ingest-batch", "ingest-single", "due-storm", "dunning-chain", "activations", "all", "faults"];

    public required string Scenario { get; init; }

    /// <summary>Orders for the ingest scenarios and for P-COPY; null: the scenario's default.</summary>
    public int? Orders { get; init; }

    /// <summary>Invoices for due-storm, dunning-chain and activations; null: the scenario's default.</summary>
    public int? Invoices { get; init; }

    public int? InvoicesPerCustomer { get; init; }

    /// <summary>Closed-loop clients; null: the scenario's default (64 single orders, 4 batches).</summary>
    public int? Concurrency { get; init; }

    /// <summary>Open loop: requests per second offered on a timer; null runs closed loop.</summary>
    public double? Rate { get; init; }

    /// <summary>An existing PostgreSQL to use (database created and migrated as needed); null starts an embedded one.</summary>
    public string? Connection { get; init; }

    public string? JsonPath { get; init; }

    public string? ResultsDirectory { get; init; }

    /// <summary>How long P-ROW and H-JSON run.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Unmeasured load on the measured path before each scenario's measurement (a warm-up storm for
    /// due-storm), so the figures are a running silo's, not one still compiling its code.
    /// </summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Rows in the scratch reminders table P-Q drains.</summary>
    public int QueueRows { get; init; } = 100_000;

    public bool WatchDashboard { get; init; }

    /// <summary>faults: seed of the fault schedule, the moments and the load (same seed, same run).</summary>
    public int Seed { get; init; } = 14;

    /// <summary>faults: injections of each kind (default 3).</summary>
    public int Repeats { get; init; } = 3;

    /// <summary>faults: the kinds to inject; null: all of them.</summary>
    public IReadOnlyList<FaultKind>? Faults { get; init; }

    /// <summary>
    /// faults: the admin API key the silos are started with (<c>O2C:Auth:AdminKey</c>) and every request
    /// sends as <c>X-Api-Key</c>; null: a key made up for the run.
    /// </summary>
    public string? ApiKey { get; init; }

    /// <summary>faults: how long PostgreSQL stays stopped in a db-stop fault.</summary>
    public TimeSpan DatabaseStop { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Extra <c>-c name=value</c> settings for the embedded PostgreSQL.</summary>
    public IReadOnlyDictionary<string, string> PostgresSettings { get; init; } = new Dictionary<string, string>();

    public const string Usage = """
        usage: dotnet run -c Release --project bench -- <scenario> [options]
          scenarios: ceilings | ingest-batch | ingest-single | due-storm | dunning-chain | activations | all | faults
          --orders N                orders to ingest, and orders whose rows P-COPY copies (default 100000; ingest-single 20000)
          --invoices N              invoices for due-storm (100000), dunning-chain (1000), activations (1000000)
          --invoices-per-customer N invoices (orders) per customer (ingest 10, due-storm 5, dunning-chain 1, activations 10)
          --concurrency C           closed loop with C clients (default 64 single orders, 4 batches)
          --rate R                  open loop: R requests/s offered on a timer (latency counted from the intended send time)
          --duration S              seconds P-ROW and H-JSON run (default 5)
          --queue-rows N            rows P-Q drains (default 100000)
          --warm-up S               seconds of unmeasured load before measuring (default 20; 0: none); due-storm: sizes a warm-up storm
          --connection <cs>         use this PostgreSQL instead of starting an embedded one
          --pg name=value           extra setting for the embedded PostgreSQL (repeatable)
          --watch-dashboard         ingest scenarios: run the measured phase again while polling /v1/dashboard/* every second
          --json <path>             where to write the result (default bench/results/<scenario>-<timestamp>.json)
          --results <dir>           folder for results and silo logs (default bench/results)
          faults (three silo processes on their own PostgreSQL; no ceilings):
          --faults a,b              kinds: silo-kill, silo-kill-advance, db-restart, db-stop, db-terminate, silo-pause (default all)
          --repeats N               injections of each kind (default 3)
          --seed S                  seed of the schedule, the moments and the load (default 14)
          --invoices N              invoices falling due in each silo-kill-advance storm (default 10000)
          --concurrency C           ingest clients (default 8)
          --db-stop-seconds S       how long db-stop keeps PostgreSQL down (default 15)
          --api-key K               X-Api-Key sent, and O2C:Auth:AdminKey given to the silos (default: made up per run)
        """;

    /// <summary>Parses the arguments; throws <see cref="UsageException"/> naming the bad one.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help")
        {
            throw new UsageException("no scenario given");
        }

        var scenario = args[0];
        if (!Scenarios.Contains(scenario))
        {
            throw new UsageException($"unknown scenario '{scenario}' (one of {string.Join(", ", Scenarios)})");
        }

        var options = new BenchOptions { Scenario = scenario };
        var settings = new Dictionary<string, string>();
        for (var i = 1; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"{name} needs a value");
            options = name switch
            {
                "--orders" => options with { Orders = Positive(name, Value()) },
                "--invoices" => options with { Invoices = Positive(name, Value()) },
                "--invoices-per-customer" => options with { InvoicesPerCustomer = Positive(name, Value()) },
                "--concurrency" => options with { Concurrency = Positive(name, Value()) },
                "--rate" => options with { Rate = PositiveNumber(name, Value()) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(PositiveNumber(name, Value())) },
                "--queue-rows" => options with { QueueRows = Positive(name, Value()) },
                "--warm-up" => options with { WarmUp = TimeSpan.FromSeconds(NonNegativeNumber(name, Value())) },
                "--connection" => options with { Connection = Value() },
                "--json" => options with { JsonPath = Value() },
                "--results" => options with { ResultsDirectory = Value() },
                "--watch-dashboard" => options with { WatchDashboard = true },
                "--pg" => AddSetting(options, settings, Value()),
                "--seed" => options with { Seed = Positive(name, Value()) },
                "--repeats" => options with { Repeats = Positive(name, Value()) },
                "--faults" => options with { Faults = ParseFaults(Value()) },
                "--api-key" => options with { ApiKey = Value() },
                "--db-stop-seconds" => options with { DatabaseStop = TimeSpan.FromSeconds(PositiveNumber(name, Value())) },
                _ => throw new UsageException($"unknown option '{name}'"),
            };
        }

        return options;
    }

    private static List<FaultKind> ParseFaults(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(name => FaultNames.TryParse(name, out var kind)
            ? kind
            : throw new UsageException($"unknown fault '{name}' (one of {string.Join(", ", FaultNames.All)})"))];

    private static BenchOptions AddSetting(BenchOptions options, Dictionary<string, string> settings, string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new UsageException($"--pg expects name=value, got '{pair}'");
        }

        settings[pair[..equals]] = pair[(equals + 1)..];
        return options with { PostgresSettings = settings };
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new UsageException($"{name} expects a positive whole number, got '{value}'");

    private static double NonNegativeNumber(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0 && double.IsFinite(n)
            ? n
            : throw new UsageException($"{name} expects a number of seconds, 0 or more, got '{value}'");

    private static double PositiveNumber(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new UsageException($"{name} expects a positive number, got '{value}'");
}
