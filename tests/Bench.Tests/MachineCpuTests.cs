using O2C.Bench.Load;
using O2C.Bench.Reporting;

namespace O2C.Bench.Tests;

public sealed class MachineCpuTests
{
    [Fact]
    public void Busy_time_counts_user_nice_system_irq_and_softirq_but_not_idle_iowait_or_steal()
    {
        //                             user nice system idle iowait irq softirq steal guest guest_nice
        var start = MachineCpu.Parse("cpu  1000 10 300 5000 40 5 20 70 0 0")!.Value;
        var end = MachineCpu.Parse("cpu  1600 10 500 9000 90 6 30 900 0 0")!.Value;

        // (600 + 0 + 200 + 1 + 10) ticks of 1/100 s.
        Assert.Equal(TimeSpan.FromSeconds(8.11), end.BusySince(start));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("cpu0 1 2 3 4 5 6 7 8")]
    [InlineData("cpu 1 2 3")]
    public void A_line_that_is_not_the_aggregate_cpu_line_reads_as_unknown(string? line) => Assert.Null(MachineCpu.Parse(line));

    [Fact]
    public void This_machine_reports_busy_time_while_it_works()
    {
        // The bench runs on Linux (it also reads the silo's RSS from /proc).
        var start = MachineCpu.Read();
        Assert.NotNull(start);
        var until = DateTime.UtcNow.AddMilliseconds(300);
        var spins = 0L;
        while (DateTime.UtcNow < until)
        {
            spins++;
        }

        Assert.True(MachineCpu.BusySince(start) > TimeSpan.Zero, $"{spins} spins took no CPU time");
    }

    [Fact]
    public void A_figure_states_cpu_per_unit_from_the_busy_time_and_the_units()
    {
        var figure = new Figure("ingest-single", "orders/s", 2_000, "orders/s").WithCpu(TimeSpan.FromSeconds(12), 20_000);

        Assert.Equal(0.6, figure.CpuMsPerUnit!.Value, precision: 9);
        Assert.Null(figure.WithCpu(null, 20_000).CpuMsPerUnit);
        Assert.Null(figure.WithCpu(TimeSpan.FromSeconds(1), 0).CpuMsPerUnit);
    }
}
