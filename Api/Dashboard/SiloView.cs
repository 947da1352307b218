namespace O2C.Api.Dashboard;

/// <summary>A silo of the membership table. <see cref="Status"/>: alive, dead or stopped.</summary>
public sealed record SiloView(
    string SiloId,
    string HostName,
    string? Address,
    string Status,
    DateTimeOffset StartedAt,
    double UptimeSeconds,
    double CpuPercent,
    long MemoryBytes,
    long Activations,
    DateTimeOffset LastHeartbeat,
    DateTimeOffset? DiedAt);
