namespace O2C.Bench.Reporting;

/// <summary>The server the run measured and the settings that decide its ceilings.</summary>
public sealed record PostgresInfo(string Version, bool Embedded, IReadOnlyDictionary<string, string> Settings)
{
    public static readonly IReadOnlyList<string> SettingNames =
        ["shared_buffers", "synchronous_commit", "fsync", "max_connections", "full_page_writes", "wal_level", "max_wal_size", "commit_delay"];
}
