using O2C.Bench.Cli;

namespace O2C.Bench.Tests;

public sealed class BenchOptionsTests
{
    [Fact]
    public void Options_are_read()
    {
        var options = BenchOptions.Parse(["ingest-single", "--orders", "5000", "--concurrency", "32", "--rate", "250", "--watch-dashboard", "--pg", "shared_buffers=1GB"]);

        Assert.Equal("ingest-single", options.Scenario);
        Assert.Equal(5000, options.Orders);
        Assert.Equal(32, options.Concurrency);
        Assert.Equal(250, options.Rate);
        Assert.True(options.WatchDashboard);
        Assert.Equal("1GB", options.PostgresSettings["shared_buffers"]);
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("ceilings", "--orders", "-1")]
    [InlineData("ceilings", "--orders")]
    [InlineData("ceilings", "--frobnicate")]
    public void A_bad_command_line_names_the_problem(params string[] args)
    {
        var error = Assert.Throws<UsageException>(() => BenchOptions.Parse(args));
        Assert.NotEmpty(error.Message);
    }
}
