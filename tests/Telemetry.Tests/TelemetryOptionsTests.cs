using O2C.Silo.Telemetry;

namespace O2C.Telemetry.Tests;

public sealed class TelemetryOptionsTests
{
    [Theory]
    [InlineData(1.0, null, null)]
    [InlineData(0.0, 9464, null)]
    [InlineData(1.5, null, "O2C:Telemetry:SamplingRatio must be between 0 and 1, not 1.5.")]
    [InlineData(double.NaN, null, "O2C:Telemetry:SamplingRatio must be between 0 and 1, not NaN.")]
    [InlineData(0.1, 70000, "O2C:Telemetry:PrometheusPort must be a TCP port (1-65535), not 70000.")]
    public void A_bad_setting_is_named_in_one_line(double ratio, int? port, string? problem) =>
        Assert.Equal(problem, new TelemetryOptions { SamplingRatio = ratio, PrometheusPort = port }.Problem());
}
