namespace O2C.Silo.Telemetry;

/// <summary><c>O2C:Telemetry</c>: how much of the traffic is traced and where Prometheus scrapes.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "O2C:Telemetry";

    /// <summary>Share of new traces recorded (0 to 1); a trace begun elsewhere keeps its caller's decision.</summary>
    public double SamplingRatio { get; set; } = 1.0;

    /// <summary>A second port serving <c>/metrics</c> (besides the API's), for a scraper kept off the API's network; unset: none.</summary>
    public int? PrometheusPort { get; set; }

    /// <summary>The one line a bad setting stops the start with, or null.</summary>
    public string? Problem() =>
        !(SamplingRatio is >= 0 and <= 1) ? $"{SectionName}:SamplingRatio must be between 0 and 1, not {SamplingRatio}."
        : PrometheusPort is < 1 or > 65535 ? $"{SectionName}:PrometheusPort must be a TCP port (1-65535), not {PrometheusPort}."
        : null;
}
