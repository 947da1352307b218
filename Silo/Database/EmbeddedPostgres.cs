using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace O2C.Silo.Database;

/// <summary>
/// A local PostgreSQL cluster run from the machine's own binaries: for development (data survives restarts
/// in <see cref="EmbeddedPostgresOptions.DataDirectory"/>) and for tests (a temporary folder per run).
/// </summary>
/// <remarks>
/// If a server already runs on the same cluster folder (a previous process was killed, or another process
/// started it), it is reused as is, on the port it listens on, and left running on dispose
/// (<see cref="OwnsServer"/> is false): only the process that started a server stops it.
/// A stale postmaster.pid left by a killed server is handled by PostgreSQL itself on start.
/// </remarks>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    private const int MaxSocketPathLength = 100;
    private readonly PostgresProcess _tools;
    private readonly TimeSpan _timeout;
    private readonly EmbeddedPostgresOptions _options;
    private int _stopped;

    private EmbeddedPostgres(EmbeddedPostgresOptions options, string binDirectory, PostgresProcess tools, int port, bool ownsServer, string password)
    {
        _tools = tools;
        _timeout = options.Timeout;
        _options = options;
        BinDirectory = binDirectory;
        DataDirectory = Path.GetFullPath(options.DataDirectory);
        ClusterDirectory = Path.Combine(DataDirectory, "pgdata");
        LogFile = Path.Combine(DataDirectory, "postgres.log");
        Port = port;
        OwnsServer = ownsServer;
        Database = options.Database;
        ConnectionString = BuildConnectionString(port, options.Database, password);
        AdminConnectionString = BuildConnectionString(port, "postgres", password);
    }

    /// <summary>Folder holding pg_ctl, initdb and postgres.</summary>
    public string BinDirectory { get; }

    /// <summary>Root folder: cluster in <see cref="ClusterDirectory"/>, output in <see cref="LogFile"/>.</summary>
    public string DataDirectory { get; }

    /// <summary>PGDATA of the cluster (<c>{DataDirectory}/pgdata</c>).</summary>
    public string ClusterDirectory { get; }

    /// <summary>Output of initdb, pg_ctl and the server.</summary>
    public string LogFile { get; }

    public int Port { get; }

    public string Database { get; }

    /// <summary>Connection string for <see cref="Database"/> as superuser <c>postgres</c> over TCP on 127.0.0.1 (SCRAM-SHA-256, with the password of <see cref="PasswordAuthentication"/>).</summary>
    public string ConnectionString { get; }

    /// <summary>Connection string for the <c>postgres</c> maintenance database (to create or drop databases).</summary>
    public string AdminConnectionString { get; }

    /// <summary>False when an already running server was reused; such a server is not stopped by <see cref="StopAsync"/>.</summary>
    public bool OwnsServer { get; }

    /// <summary>
    /// Finds the binaries, runs initdb when the cluster folder is new, starts the server (or reuses one already
    /// running on the folder) and creates <see cref="EmbeddedPostgresOptions.Database"/> if missing.
    /// </summary>
    /// <exception cref="PostgresBinariesNotFoundException">No PostgreSQL binaries on this machine.</exception>
    /// <exception cref="InvalidOperationException">initdb or start failed; the message ends with the log's last lines.</exception>
    public static async Task<EmbeddedPostgres> StartAsync(EmbeddedPostgresOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var binDirectory = options.BinDirectory ?? PostgresBinaries.Find(options.SearchPath, options.InstallRoot);
        var runAs = options.RunAsUser ?? (Environment.UserName == "root" ? "postgres" : null);
        var root = Path.GetFullPath(options.DataDirectory);
        var cluster = Path.Combine(root, "pgdata");
        var logFile = Path.Combine(root, "postgres.log");
        var tools = new PostgresProcess(binDirectory, runAs, logFile, root);

        EmbeddedPostgres server;
        // Processes starting on one folder at once (two local silos) take turns: the second one reuses the server.
        await using (await FolderLock.AcquireAsync(root, options.Timeout, cancellationToken))
        {
            await PrepareFolderAsync(root, logFile, runAs, tools, options.Timeout, cancellationToken);
            if (!File.Exists(Path.Combine(cluster, "PG_VERSION")))
            {
                await InitClusterAsync(cluster, tools, options.Timeout, cancellationToken);
            }

            var status = await tools.RunAsync("pg_ctl", ["status", "-D", cluster], options.Timeout, cancellationToken);
            if (status.ExitCode == 0 && ReadRunningPort(cluster) is { } runningPort)
            {
                await tools.AppendLogAsync($"reusing the server already running on {cluster} (port {runningPort}); it is left running on dispose");
                server = new EmbeddedPostgres(options, binDirectory, tools, runningPort, ownsServer: false,
                    await PasswordAuthentication.EnsureAsync(root, cluster, runningPort, cancellationToken));
            }
            else
            {
                var port = await StartServerAsync(options, cluster, root, logFile, tools, cancellationToken);
                server = new EmbeddedPostgres(options, binDirectory, tools, port, ownsServer: true,
                    await PasswordAuthentication.EnsureAsync(root, cluster, port, cancellationToken));
            }
        }

        try
        {
            await server.CreateDatabaseIfMissingAsync(options.Database, cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Stops the server with <c>pg_ctl stop -m fast</c> if this instance started it. Idempotent.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (!OwnsServer || Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        var stop = await _tools.RunAsync("pg_ctl", ["stop", "-D", ClusterDirectory, "-m", "fast", "-w", "-t", Seconds(_timeout)], _timeout, cancellationToken);
        if (stop.ExitCode != 0 && await IsRunningAsync(cancellationToken))
        {
            throw new InvalidOperationException($"pg_ctl stop failed (exit {stop.ExitCode}) for {ClusterDirectory}.\n{_tools.LogTail()}");
        }
    }

    /// <summary>
    /// <c>pg_ctl restart -m fast</c>: every connection is cut and the server comes back on the same port
    /// (the fault suite's database restart, bench/Faults). Only for a server this instance started. The new server
    /// writes to the log file, as at start: one holding on to pg_ctl's output would keep it from returning.
    /// </summary>
    public Task RestartAsync(CancellationToken cancellationToken = default) =>
        ControlAsync(["restart", "-D", ClusterDirectory, "-m", "fast", "-w", "-t", Seconds(_timeout), "-l", LogFile, "-o", ServerArguments(_options, Port, DataDirectory)], cancellationToken);

    /// <summary><c>pg_ctl stop -m fast</c>, to be followed by <see cref="StartAgainAsync"/> (an outage, not a dispose).</summary>
    public Task StopForNowAsync(CancellationToken cancellationToken = default) =>
        ControlAsync(["stop", "-D", ClusterDirectory, "-m", "fast", "-w", "-t", Seconds(_timeout)], cancellationToken);

    /// <summary>Starts the server stopped by <see cref="StopForNowAsync"/> again, on the same port and settings.</summary>
    public Task StartAgainAsync(CancellationToken cancellationToken = default) =>
        ControlAsync(["start", "-w", "-t", Seconds(_timeout), "-D", ClusterDirectory, "-l", LogFile, "-o", ServerArguments(_options, Port, DataDirectory)], cancellationToken);

    private async Task ControlAsync(string[] arguments, CancellationToken cancellationToken)
    {
        if (!OwnsServer)
        {
            throw new InvalidOperationException($"The server on {ClusterDirectory} was started by another process; only that one may {arguments[0]} it.");
        }

        var result = await _tools.RunAsync("pg_ctl", arguments, _timeout + TimeSpan.FromSeconds(10), cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_ctl {arguments[0]} failed (exit {result.ExitCode}) for {ClusterDirectory}.\n{_tools.LogTail()}");
        }
    }

    /// <summary>True when <c>pg_ctl status</c> reports a server running on <see cref="ClusterDirectory"/>.</summary>
    public async Task<bool> IsRunningAsync(CancellationToken cancellationToken = default)
    {
        var status = await _tools.RunAsync("pg_ctl", ["status", "-D", ClusterDirectory], _timeout, cancellationToken);
        return status.ExitCode == 0;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static async Task PrepareFolderAsync(string root, string logFile, string? runAs, PostgresProcess tools, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(root);
        Directory.CreateDirectory(Path.Combine(root, "run"));
        await File.AppendAllTextAsync(logFile, "", cancellationToken);
        if (runAs is null)
        {
            return;
        }

        // Running as root: the server runs as runAs, which must own its folders and reach them.
        var chown = await PostgresProcess.RunPlainAsync("chown", [$"{runAs}:", root, Path.Combine(root, "run"), logFile], timeout, cancellationToken);
        if (chown.ExitCode != 0)
        {
            throw new InvalidOperationException($"chown of {root} to user '{runAs}' failed (does the user exist?): {chown.Output.Trim()}");
        }

        var probe = await tools.RunRawAsync("test", ["-w", root, "-a", "-x", root], timeout, cancellationToken);
        if (probe.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"User '{runAs}' cannot reach {root}: every parent folder needs o+x (e.g. `chmod o+x` on it), or choose another data folder.");
        }
    }

    private static async Task InitClusterAsync(string cluster, PostgresProcess tools, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (Directory.Exists(cluster) && Directory.EnumerateFileSystemEntries(cluster).Any())
        {
            throw new InvalidOperationException($"{cluster} is neither empty nor a PostgreSQL cluster (no PG_VERSION); move it away or choose another data folder.");
        }

        var init = await tools.RunAsync(
            "initdb",
            ["-D", cluster, "-U", "postgres", "-E", "UTF8", "--no-locale", "-A", "trust", "--no-instructions"],
            timeout,
            cancellationToken);
        if (init.ExitCode != 0)
        {
            throw new InvalidOperationException($"initdb failed (exit {init.ExitCode}) for {cluster}.\n{tools.LogTail()}");
        }
    }

    private static async Task<int> StartServerAsync(EmbeddedPostgresOptions options, string cluster, string root, string logFile, PostgresProcess tools, CancellationToken cancellationToken)
    {
        const int attempts = 5;
        for (var attempt = 1; ; attempt++)
        {
            var port = ChoosePort(options);
            var start = await tools.RunAsync(
                "pg_ctl",
                ["start", "-w", "-t", Seconds(options.Timeout), "-D", cluster, "-l", logFile, "-o", ServerArguments(options, port, root)],
                options.Timeout + TimeSpan.FromSeconds(10),
                cancellationToken);
            if (start.ExitCode == 0)
            {
                return port;
            }

            var tail = tools.LogTail();
            // A free port taken meanwhile by someone else, or the children of a killed server still exiting.
            var transient = (options.Port == 0 && tail.Contains("could not bind", StringComparison.Ordinal))
                || tail.Contains("pre-existing shared memory block", StringComparison.Ordinal);
            if (!transient || attempt == attempts)
            {
                throw new InvalidOperationException($"PostgreSQL did not start (pg_ctl exit {start.ExitCode}) on {cluster}, port {port}. Last lines of {logFile}:\n{tail}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), cancellationToken);
        }
    }

    private static string ServerArguments(EmbeddedPostgresOptions options, int port, string root)
    {
        var socketDirectory = Path.Combine(root, "run");
        if (socketDirectory.Length > MaxSocketPathLength - ".s.PGSQL.65535.lock".Length)
        {
            socketDirectory = Path.GetTempPath().TrimEnd('/'); // Unix socket paths are limited to ~107 bytes
        }

        var settings = new Dictionary<string, string>
        {
            ["listen_addresses"] = "127.0.0.1",
            ["fsync"] = "on",
        };
        foreach (var (name, value) in options.ServerSettings)
        {
            settings[name] = value;
        }

        // pg_ctl hands -o to /bin/sh: quote every word.
        var words = new List<string> { "-p", port.ToString(CultureInfo.InvariantCulture), "-k", ShellQuote(socketDirectory) };
        foreach (var (name, value) in settings)
        {
            words.Add("-c");
            words.Add(ShellQuote($"{name}={value}"));
        }

        return string.Join(' ', words);
    }

    private static int ChoosePort(EmbeddedPostgresOptions options)
    {
        if (options.Port == 0 || (options.FallBackToFreePort && !IsPortFree(options.Port)))
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        return options.Port;
    }

    private static bool IsPortFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    // postmaster.pid: line 1 pid, line 2 data dir, line 3 start time, line 4 port.
    private static int? ReadRunningPort(string cluster)
    {
        try
        {
            var lines = File.ReadAllLines(Path.Combine(cluster, "postmaster.pid"));
            return lines.Length >= 4 && int.TryParse(lines[3].Trim(), CultureInfo.InvariantCulture, out var port) ? port : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private async Task CreateDatabaseIfMissingAsync(string database, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(AdminConnectionString);
        await using var exists = dataSource.CreateCommand("SELECT 1 FROM pg_database WHERE datname = $1");
        exists.Parameters.Add(new NpgsqlParameter { Value = database });
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        try
        {
            await using var create = dataSource.CreateCommand($"CREATE DATABASE {QuoteIdentifier(database)}");
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Created concurrently by another process: fine.
        }
    }

    private static string BuildConnectionString(int port, string database, string password) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Password = password,
            Database = database,
        }.ConnectionString;

    internal static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string ShellQuote(string word) => "'" + word.Replace("'", "'\"'\"'", StringComparison.Ordinal) + "'";

    private static string Seconds(TimeSpan timeout) => ((int)Math.Ceiling(timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
