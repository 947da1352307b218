namespace O2C.Runtime;

/// <summary>One row of the membership table, as the dashboard shows it.</summary>
public sealed record SiloEntry(
    string SiloId,
    string HostName,
    string? Address,
    SiloStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset LastHeartbeat,
    DateTimeOffset? DiedAt,
    double CpuPercent,
    long MemoryBytes,
    long Activations);
