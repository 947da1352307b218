using O2C.Bench.Cli;
using O2C.Bench.Hosting;
using O2C.Bench.Reporting;

namespace O2C.Bench.Scenarios;

/// <summary>What a scenario runs with: the options, the database server, the report, and a way to start a silo.</summary>
public sealed class ScenarioContext(BenchOptions options, BenchDatabase database, BenchReport report, string resultsDirectory)
{
    /// <summary>Business time at which every scenario's manual clock starts.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public BenchOptions Options => options;
    public BenchDatabase Database => database;
    public BenchReport Report => report;
    public string ResultsDirectory => resultsDirectory;

    /// <summary>Prefix of every id this run creates, so runs on one database never collide.</summary>
    public string RunId { get; } = "b" + DateTime.UtcNow.ToString("MMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A fresh database and a silo process on it, with a manual business clock at <see cref="Epoch"/>
    /// plus <paramref name="settings"/> (environment variable names, e.g. <c>O2C__Grains__CollectionAge</c>).
    /// Returns the silo and its connection string.
    /// </summary>
    public async Task<(SiloProcess Silo, string ConnectionString)> StartSiloAsync(string scenario, IReadOnlyDictionary<string, string>? settings, CancellationToken cancellationToken)
    {
        var connectionString = await database.CreateDatabaseAsync(scenario, cancellationToken);
        var all = new Dictionary<string, string>
        {
            ["O2C__Clock__Mode"] = "Manual",
            ["O2C__Clock__Start"] = Epoch.ToString("O"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var logFile = Path.Combine(resultsDirectory, $"silo-{scenario}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.log");
        Console.WriteLine($"{scenario}: starting the silo (log {logFile})");
        var silo = await SiloProcess.StartAsync(connectionString, all, logFile, cancellationToken);
        return (silo, connectionString);
    }
}
