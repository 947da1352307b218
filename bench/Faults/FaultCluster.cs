using System.Globalization;
using Npgsql;
using O2C.Bench.Hosting;
using O2C.Bench.Scenarios;
using O2C.Silo.Database;

namespace O2C.Bench.Faults;

/// <summary>
/// What the faults are done to, all as processes: a PostgreSQL cluster of its own (so it can be
/// restarted and stopped with <c>pg_ctl</c>) and silo processes (<c>dotnet O2C.Silo.dll</c>), each
/// keeping its HTTP, silo and gateway ports across restarts as a supervisor restarting it in place
/// would (Orleans then declares the silo's former self dead at once).
/// </summary>
public sealed class FaultCluster : IAsyncDisposable
{
    private readonly EmbeddedPostgres _database;
    private readonly string _folder;
    private readonly Slot[] _slots;

    private FaultCluster(EmbeddedPostgres database, string folder, Slot[] slots)
    {
        _database = database;
        _folder = folder;
        _slots = slots;
    }

    public string ConnectionString => _database.ConnectionString;

    public IReadOnlyList<Uri> Addresses => [.. _slots.Select(s => s.Address)];

    public int Count => _slots.Length;

    /// <summary>Silos found exited without the suite killing them (each restarted by <see cref="RestartExitedAsync"/>).</summary>
    public int UnexpectedExits { get; private set; }

    public static async Task<FaultCluster> StartAsync(int silos, string apiKey, string resultsDirectory, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "o2c-faults-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var database = await EmbeddedPostgres.StartAsync(
            new EmbeddedPostgresOptions { DataDirectory = folder, Port = 0, ServerSettings = BenchDatabase.DurableSettings, Database = "faults" },
            cancellationToken);
        await using (var source = NpgsqlDataSource.Create(database.ConnectionString))
        {
            await new SchemaMigrator(source).MigrateAsync(cancellationToken);
        }

        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var slots = Enumerable.Range(0, silos).Select(i => new Slot(
            new Uri($"http://127.0.0.1:{SiloProcess.FreePort()}"),
            new Dictionary<string, string>
            {
                ["O2C__Clock__Mode"] = "Manual",
                ["O2C__Clock__Start"] = ScenarioContext.Epoch.ToString("O"),
                ["O2C__Cluster__SiloPort"] = SiloProcess.FreePort().ToString(CultureInfo.InvariantCulture),
                ["O2C__Cluster__GatewayPort"] = SiloProcess.FreePort().ToString(CultureInfo.InvariantCulture),
                ["O2C__Auth__AdminKey"] = apiKey,
                ["Logging__Console__TimestampFormat"] = "HH:mm:ss.fff ",
            },
            Path.Combine(resultsDirectory, $"silo{i + 1}-faults-{stamp}.log"))).ToArray();
        var cluster = new FaultCluster(database, folder, slots);
        try
        {
            for (var i = 0; i < silos; i++)
            {
                await cluster.StartSiloAsync(i, cancellationToken);
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    public string SiloPort(int index) => _slots[index].Settings["O2C__Cluster__SiloPort"];

    public string LogFile(int index) => _slots[index].LogFile;

    public async Task KillAsync(int index)
    {
        await _slots[index].Process!.KillAsync();
        _slots[index].Expected = false;
    }

    public async Task StartSiloAsync(int index, CancellationToken cancellationToken)
    {
        var slot = _slots[index];
        if (slot.Process is { } old)
        {
            slot.Process = null;
            await old.DisposeAsync();
        }

        Console.WriteLine($"faults: starting silo {index + 1} on {slot.Address} (log {slot.LogFile})");
        // A silo joining a cluster under load validates its connections to every live silo first; on a
        // host loaded by other work that took over two minutes.
        slot.Process = await SiloProcess.StartAsync(ConnectionString, slot.Settings, slot.LogFile, cancellationToken, slot.Address, TimeSpan.FromMinutes(5));
        slot.Expected = true;
    }

    public Task PauseAsync(int index) => _slots[index].Process!.SignalAsync("STOP");

    public Task ResumeAsync(int index) => _slots[index].Process!.SignalAsync("CONT");

    public bool HasExited(int index) => _slots[index].Process?.HasExited ?? true;

    public Task<bool> WaitForExitAsync(int index, TimeSpan timeout) => _slots[index].Process!.WaitForExitAsync(timeout);

    /// <summary>Marks a silo as expected to end by itself (a paused silo Orleans declared dead).</summary>
    public void ExpectExit(int index) => _slots[index].Expected = false;

    /// <summary>Restarts, as a supervisor would, every silo that ended without the suite stopping it; returns which.</summary>
    public async Task<IReadOnlyList<int>> RestartExitedAsync(CancellationToken cancellationToken)
    {
        var restarted = new List<int>();
        for (var i = 0; i < _slots.Length; i++)
        {
            if (_slots[i].Expected && HasExited(i))
            {
                Console.WriteLine($"faults: silo {i + 1} exited by itself; see {_slots[i].LogFile}");
                UnexpectedExits++;
                await StartSiloAsync(i, cancellationToken);
                restarted.Add(i);
            }
        }

        return restarted;
    }

    public Task RestartDatabaseAsync(CancellationToken cancellationToken) => _database.RestartAsync(cancellationToken);

    public Task StopDatabaseAsync(CancellationToken cancellationToken) => _database.StopForNowAsync(cancellationToken);

    public Task StartDatabaseAsync(CancellationToken cancellationToken) => _database.StartAgainAsync(cancellationToken);

    /// <summary><c>pg_terminate_backend</c> of every connection to the silos' database but this one; returns how many.</summary>
    public async Task<long> TerminateConnectionsAsync(CancellationToken cancellationToken)
    {
        await using var source = NpgsqlDataSource.Create(_database.AdminConnectionString);
        await using var command = source.CreateCommand(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()");
        command.Parameters.Add(new NpgsqlParameter { Value = _database.Database });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Orleans' membership status of the silo on <paramref name="index"/>'s port, latest generation: 3 active, 6 dead.</summary>
    public async Task<int?> MembershipStatusAsync(int index, CancellationToken cancellationToken)
    {
        await using var source = NpgsqlDataSource.Create(ConnectionString);
        await using var command = source.CreateCommand("SELECT status FROM orleansmembershiptable WHERE port = $1 ORDER BY generation DESC LIMIT 1");
        command.Parameters.Add(new NpgsqlParameter { Value = int.Parse(SiloPort(index), CultureInfo.InvariantCulture) });
        return await command.ExecuteScalarAsync(cancellationToken) is int status ? status : null;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var slot in _slots)
        {
            if (slot.Process is { } process)
            {
                await process.DisposeAsync();
            }
        }

        NpgsqlConnection.ClearAllPools();
        await _database.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

    }

    private sealed class Slot(Uri address, Dictionary<string, string> settings, string logFile)
    {
        public Uri Address => address;
        public Dictionary<string, string> Settings => settings;
        public string LogFile => logFile;
        public SiloProcess? Process { get; set; }

        /// <summary>Whether the silo should be running: false once the suite killed it or expects it to end.</summary>
        public bool Expected { get; set; }
    }
}
