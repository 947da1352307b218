namespace O2C.Silo.Database;

/// <summary>Where and how <see cref="EmbeddedPostgres"/> runs a local PostgreSQL cluster.</summary>
public sealed class EmbeddedPostgresOptions
{
    /// <summary>
    /// Root folder owned by the embedded server. Layout: <c>pgdata/</c> (the cluster, PGDATA),
    /// <c>run/</c> (Unix socket), <c>postgres.log</c> (output of initdb, pg_ctl and the server).
    /// </summary>
    public required string DataDirectory { get; init; }

    /// <summary>TCP port on 127.0.0.1; 0 picks a free port.</summary>
    public int Port { get; init; }

    /// <summary>When <see cref="Port"/> is taken by another process, pick a free port instead of failing.</summary>
    public bool FallBackToFreePort { get; init; }

    /// <summary>Database created (if missing) and named in <see cref="EmbeddedPostgres.ConnectionString"/>.</summary>
    public string Database { get; init; } = "o2c";

    /// <summary>Extra <c>-c name=value</c> server settings, e.g. <c>fsync=off</c> for throw-away test clusters.</summary>
    public IReadOnlyDictionary<string, string> ServerSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Folder holding pg_ctl, initdb and postgres; null searches <see cref="SearchPath"/> then <see cref="InstallRoot"/>.</summary>
    public string? BinDirectory { get; init; }

    /// <summary>PATH-style list of folders to search for pg_ctl; null uses the PATH environment variable.</summary>
    public string? SearchPath { get; init; }

    /// <summary>Folder holding one folder per PostgreSQL version, each with a <c>bin/</c> (Debian/Ubuntu layout).</summary>
    public string InstallRoot { get; init; } = "/usr/lib/postgresql";

    /// <summary>
    /// OS user that runs initdb/pg_ctl. Null: the current user, except <c>postgres</c> when running as root
    /// (the server refuses to run as root).
    /// </summary>
    public string? RunAsUser { get; init; }

    /// <summary>Upper bound for initdb, start and stop.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(90);
}
