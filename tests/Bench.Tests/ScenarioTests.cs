using O2C.Bench.Cli;

namespace O2C.Bench.Tests;

/// <summary>
/// Each scenario on a tiny scale against a real silo process, as a correctness check only: every figure
/// measured, every order invoiced, the storm's and the chain's SQL checks passing. No timing assertions.
/// </summary>
[Collection(SiloProcessesCollection.Name)]
public sealed class ScenarioTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "o2c-bench-test-" + Guid.NewGuid().ToString("N")[..8]);

    [Theory]
    [InlineData("ingest-batch", 300, null, null)]
    [InlineData("ingest-single", 200, null, null)]
    [InlineData("due-storm", null, 30, 5)] // five invoices per customer falling due together: one first message per case
    [InlineData("dunning-chain", null, 6, null)]
    [InlineData("activations", null, 300, null)]
    public async Task A_small_run_measures_every_figure(string scenario, int? orders, int? invoices, int? invoicesPerCustomer)
    {
        var report = await BenchApp.RunAsync(new BenchOptions
        {
            Scenario = scenario,
            Orders = orders ?? 100,
            Invoices = invoices,
            InvoicesPerCustomer = invoicesPerCustomer,
            Duration = TimeSpan.FromSeconds(0.5),
            WarmUp = TimeSpan.FromSeconds(0.5),
            QueueRows = 1_000,
            ResultsDirectory = _folder,
            JsonPath = Path.Combine(_folder, $"{scenario}.json"),
        });

        Assert.NotEmpty(report.Figures);
        foreach (var figure in report.Figures)
        {
            Assert.True(figure.IsOk, $"{scenario}: {figure.Name}: {figure.Status} ({figure.Note})");
        }

        if (scenario is "ingest-single" or "ingest-batch" or "due-storm")
        {
            Assert.All(report.Figures.Where(f => f.Unit.EndsWith("/s", StringComparison.Ordinal)), f => Assert.True(f.CpuMsPerUnit >= 0, $"{f.Name}: CPU per unit {f.CpuMsPerUnit}"));
        }

        Assert.True(File.Exists(Path.Combine(_folder, $"{scenario}.json")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
