namespace O2C.Api.Dashboard;

/// <summary>
/// A silo of Orleans' membership table. <see cref="SiloId"/> is its Orleans silo name, <see cref="Address"/>
/// its Orleans silo address (S<ip>:<port>:<generation>). <see cref="Status"/>: alive, joining, stopping or dead.
/// <see cref="LastHeartbeat"/> is its last "I am alive"; <see cref="DiedAt"/> of a dead silo is that
/// same time (Orleans records no time of death). CPU, memory and activations are the silo's latest
/// runtime statistics, null when it is not active or did not answer.
/// </summary>
public sealed record SiloView(
    string SiloId,
    string HostName,
    string? Address,
    string Status,
    DateTimeOffset StartedAt,
    double UptimeSeconds,
    double? CpuPercent,
    long? MemoryBytes,
    long? Activations,
    DateTimeOffset LastHeartbeat,
    DateTimeOffset? DiedAt,
    bool ThisSilo);
