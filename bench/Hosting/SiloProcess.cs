using System.Diagnostics;
using O2C.Bench.Load;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace O2C.Bench.Hosting;

/// <summary>
/// The real silo as a child process (<c>dotnet O2C.Silo.dll --urls http://127.0.0.1:PORT</c>), so the
/// load generator and the server are separate processes as in production. Configured through
/// environment variables (<c>ConnectionStrings__O2C</c>, <c>O2C__Clock__Mode</c>, ...); output goes to a log file.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private SiloProcess(Process process, StreamWriter log, Uri address, string logFile)
    {
        _process = process;
        _log = log;
        Address = address;
        LogFile = logFile;
    }

    public Uri Address { get; }

    public string LogFile { get; }

    public int ProcessId => _process.Id;

    /// <param name="address">HTTP address to listen on; null: a free port. A silo restarted after a crash keeps its address.</param>
    /// <param name="readyWithin">How long it may take to become ready; null: 120 s.</param>
    public static async Task<SiloProcess> StartAsync(
        string connectionString, IReadOnlyDictionary<string, string> settings, string logFile, CancellationToken cancellationToken,
        Uri? address = null, TimeSpan? readyWithin = null)
    {
        var silo = Path.Combine(AppContext.BaseDirectory, "O2C.Silo.dll");
        if (!File.Exists(silo))
        {
            throw new FileNotFoundException($"The silo is not next to the bench ({silo}); build bench/Bench.csproj, which references Silo.");
        }

        address ??= new Uri($"http://127.0.0.1:{FreePort()}");
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(silo);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(address.ToString().TrimEnd('/'));
        info.Environment["ConnectionStrings__O2C"] = connectionString;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["O2C__Auth__AdminKey"] = BenchHttp.ApiKey;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        // Other silos (runs, tests) may be up on this machine: Orleans' own ports too.
        info.Environment["O2C__Cluster__SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture);
        info.Environment["O2C__Cluster__GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture);
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logFile))!);
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        await log.WriteLineAsync($"$ {info.FileName} {string.Join(' ', info.ArgumentList)}  ({string.Join(", ", settings.Select(s => $"{s.Key}={s.Value}"))})");
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var started = new SiloProcess(process, log, address, logFile);
        try
        {
            await started.WaitUntilReadyAsync(readyWithin ?? TimeSpan.FromSeconds(120), cancellationToken);
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }

        return started;
    }

    public bool HasExited => _process.HasExited;

    /// <summary><c>kill -9</c>: no shutdown, no flush, as a crash or the OOM killer would end it.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>Sends a signal by name (<c>STOP</c>, <c>CONT</c>, <c>TERM</c>) to the silo process.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException($"kill -{signal} could not be started");
        await kill.WaitForExitAsync();
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the process to end by itself; true when it did.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Resident memory of the silo process (VmRSS), or null where /proc is not available.</summary>
    public long? ResidentBytes()
    {
        var status = $"/proc/{_process.Id}/status";
        if (!File.Exists(status))
        {
            return null;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kb is not null && long.TryParse(kb, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value * 1024 : null;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM first (a graceful stop drains the group commit), then kill what is left; a paused one is resumed first.
            await SignalAsync("CONT");
            await SignalAsync("TERM");

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.WaitForExit();
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The silo exited with code {_process.ExitCode} while starting; see {LogFile}:\n{Tail()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"The silo was not ready within {timeout.TotalSeconds:0} s; see {LogFile}:\n{Tail()}");
    }

    private string Tail()
    {
        lock (_log)
        {
            _log.Flush();
        }

        using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(20));
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
