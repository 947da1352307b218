using O2C.Bench.Ceilings;
using O2C.Bench.Cli;
using O2C.Bench.Faults;
using O2C.Bench.Hosting;
using O2C.Bench.Load;
using O2C.Bench.Reporting;
using O2C.Bench.Scenarios;

namespace O2C.Bench;

/// <summary>
/// One run: start (or connect to) PostgreSQL, measure the ceilings, run the scenario(s) against a silo
/// process, print the table and write the JSON. Exit code 0 when every figure was measured, 2 for a bad
/// command line, 3 when a figure failed or its endpoint was not available.
/// </summary>
public static class BenchApp
{
    public static IReadOnlyList<IScenario> AllScenarios { get; } =
        [new IngestBatchScenario(), new IngestSingleScenario(), new DueStormScenario(), new DunningChainScenario(), new ActivationsScenario()];

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (UsageException error)
        {
            await Console.Error.WriteLineAsync($"bench: {error.Message}\n{BenchOptions.Usage}");
            return 2;
        }

        if (options.Scenario == "faults")
        {
            var faults = await FaultSuite.RunAsync(options, options.ResultsDirectory ?? DefaultResultsDirectory(), cancellationToken);
            return faults.Passed ? 0 : 3;
        }

        var report = await RunAsync(options, cancellationToken);
        return report.Ceilings.Concat(report.Figures).All(f => f.IsOk) ? 0 : 3;
    }

    public static async Task<BenchReport> RunAsync(BenchOptions options, CancellationToken cancellationToken = default)
    {
        var scenarios = options.Scenario switch
        {
            "ceilings" => [],
            "all" => AllScenarios,
            _ => AllScenarios.Where(s => s.Name == options.Scenario).ToList(),
        };
        var resultsDirectory = options.ResultsDirectory ?? DefaultResultsDirectory();
        Console.WriteLine($"bench {options.Scenario}: starting PostgreSQL{(options.Connection is null ? " (embedded, fsync on, synchronous_commit on)" : "")}");
        await using var database = await BenchDatabase.StartAsync(options, cancellationToken);
        var report = new BenchReport(options.Scenario, MachineInfo.Describe(), await database.DescribeAsync(cancellationToken), Environment.GetCommandLineArgs().Skip(1).ToList());
        var context = new ScenarioContext(options, database, report, resultsDirectory);

        var copyOrders = options.Orders ?? (scenarios.Count == 0 ? 100_000 : scenarios.Max(s => s.CopyOrders(context)));
        await CeilingSuite.MeasureAsync(report, database, copyOrders, options.Duration, options.QueueRows, cancellationToken);

        foreach (var scenario in scenarios)
        {
            Console.WriteLine($"{scenario.Name}: running");
            try
            {
                await scenario.RunAsync(context, cancellationToken);
            }
            catch (EndpointNotAvailableException unavailable)
            {
                report.Add(Figure.Unavailable(scenario.Name, "(scenario)", unavailable.Message));
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                report.Add(Figure.Unavailable(scenario.Name, "(scenario)", $"failed: {error.GetType().Name}: {error.Message}"));
            }
        }

        Console.WriteLine();
        Console.WriteLine(report.ToTable());
        var path = options.JsonPath ?? Path.Combine(resultsDirectory, $"{options.Scenario}-{report.StartedAt:yyyyMMdd-HHmmss}.json");
        Console.WriteLine($"result: {await report.WriteJsonAsync(path)}");
        return report;
    }

    /// <summary><c>bench/results</c> of the source tree the bench was built from, else <c>./bench-results</c>.</summary>
    private static string DefaultResultsDirectory()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Bench.csproj")))
            {
                return Path.Combine(folder.FullName, "results");
            }
        }

        return Path.Combine(Environment.CurrentDirectory, "bench-results");
    }
}
