namespace O2C.Silo.Database;

/// <summary>Configuration section <c>O2C:Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "O2C:Database";

    /// <summary>Default port of the embedded server; a free port is used when it is taken.</summary>
    public const int DefaultPort = 55432;

    /// <summary>Root folder of the embedded server, relative to the working directory; ignored when ConnectionStrings:O2C is set.</summary>
    public string DataDirectory { get; set; } = "./data/pg";

    /// <summary>Port of the embedded server; 0 picks a free port on every start.</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>Apply the embedded SQL migrations at start (before the other hosted services).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// Connect the application as the least-privileged role <c>&lt;database&gt;_app</c> (no UPDATE, DELETE
    /// or TRUNCATE of <c>grain_events</c>, no DDL); the connection string's user runs only the migrations.
    /// </summary>
    public bool LeastPrivilege { get; set; } = true;

    /// <summary>Npgsql pool size, used when the connection string does not set one.</summary>
    public int MaxPoolSize { get; set; } = 100;
}
