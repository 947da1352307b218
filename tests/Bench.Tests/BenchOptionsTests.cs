using O2C.Bench.Cli;

namespace O2C.Bench.Tests;

public sealed class BenchOptionsTests
{
    [Fact]
    public void Options_are_read()
    {
        var options = BenchOptions.Parse(["ingest-single", "--orders", "5000", "--concurrency", "32", "--rate", "250", "--watch-dashboard", "--warm-up", "2.5", "--pg", "shared_buffers=1GB"]);

        Assert.Equal("ingest-single", options.Scenario);
        Assert.Equal(5000, options.Orders);
        Assert.Equal(32, options.Concurrency);
        Assert.Equal(250, options.Rate);
        Assert.True(options.WatchDashboard);
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.WarmUp);
        Assert.Equal("1GB", options.PostgresSettings["shared_buffers"]);
    }

    [Fact]
    public void Warm_up_is_twenty_seconds_unless_told_and_may_be_switched_off()
    {
        Assert.Equal(TimeSpan.FromSeconds(20), BenchOptions.Parse(["ingest-single"]).WarmUp);
        Assert.Equal(TimeSpan.Zero, BenchOptions.Parse(["ingest-single", "--warm-up", "0"]).WarmUp);
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("ceilings", "--orders", "-1")]
    [InlineData("ceilings", "--orders")]
    [InlineData("ceilings", "--frobnicate")]
    [InlineData("ingest-single", "--warm-up", "-1")]
    [InlineData("ingest-single", "--warm-up", "soon")]
    public void A_bad_command_line_names_the_problem(params string[] args)
    {
        var error = Assert.Throws<UsageException>(() => BenchOptions.Parse(args));
        Assert.NotEmpty(error.Message);
    }
}
