using System.Text.Json;
using O2C.Bench.Ceilings;
using O2C.Bench.Cli;

namespace O2C.Bench.Tests;

/// <summary>The ceilings run end to end on a tiny scale: every figure measured and positive, the JSON written. No timing assertions.</summary>
public sealed class CeilingsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "o2c-bench-test-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Ceilings_are_measured_and_written_as_json()
    {
        var json = Path.Combine(_folder, "ceilings.json");
        var report = await BenchApp.RunAsync(new BenchOptions
        {
            Scenario = "ceilings",
            Orders = 200,
            Duration = TimeSpan.FromSeconds(0.5),
            QueueRows = 1_000,
            ResultsDirectory = _folder,
            JsonPath = json,
        });

        Assert.Equal([CeilingSuite.Copy, CeilingSuite.Row, CeilingSuite.Queue, CeilingSuite.Json], report.Ceilings.Select(c => c.Name));
        foreach (var ceiling in report.Ceilings)
        {
            Assert.True(ceiling.IsOk, $"{ceiling.Name}: {ceiling.Status}");
            Assert.True(ceiling.Value > 0, $"{ceiling.Name} measured {ceiling.Value}");
            // /proc/stat counts in 10 ms ticks, so a tiny run may read zero, but never nothing.
            Assert.True(ceiling.CpuMsPerUnit >= 0, $"{ceiling.Name}: CPU per unit {ceiling.CpuMsPerUnit}");
        }

        using var written = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        Assert.Equal(4, written.RootElement.GetProperty("ceilings").GetArrayLength());
        Assert.All(written.RootElement.GetProperty("ceilings").EnumerateArray(), c => Assert.Equal(JsonValueKind.Number, c.GetProperty("cpuMsPerUnit").ValueKind));
        Assert.True(written.RootElement.GetProperty("machine").GetProperty("cores").GetInt32() > 0);
        Assert.Equal("on", written.RootElement.GetProperty("postgres").GetProperty("settings").GetProperty("fsync").GetString());
        Assert.Equal("on", written.RootElement.GetProperty("postgres").GetProperty("settings").GetProperty("synchronous_commit").GetString());
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
