using System.Diagnostics;
using System.Text;

namespace O2C.Silo.Database;

/// <summary>Runs one PostgreSQL tool (optionally as another OS user) and appends its output to a log file.</summary>
internal sealed class PostgresProcess(string binDirectory, string? runAsUser, string logFile, string workingDirectory)
{
    public sealed record Result(int ExitCode, string Output);

    public Task<Result> RunAsync(string tool, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken) =>
        RunRawAsync(Path.Combine(binDirectory, tool), arguments, timeout, cancellationToken);

    /// <summary>Runs any executable (e.g. chown) without switching user.</summary>
    public static async Task<Result> RunPlainAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return await ExecuteAsync(info, timeout, cancellationToken);
    }

    /// <summary>Runs any executable as the configured user (used to probe folder access).</summary>
    public async Task<Result> RunRawAsync(string executable, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        if (runAsUser is null)
        {
            info.FileName = executable;
        }
        else
        {
            info.FileName = "runuser";
            info.ArgumentList.Add("-u");
            info.ArgumentList.Add(runAsUser);
            info.ArgumentList.Add("--");
            info.ArgumentList.Add(executable);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var commandLine = string.Join(' ', info.ArgumentList.Prepend(info.FileName));
        var result = await ExecuteAsync(info, timeout, cancellationToken);
        await AppendLogAsync($"$ {commandLine}\n{result.Output}(exit {result.ExitCode})\n");
        return result;
    }

    private static async Task<Result> ExecuteAsync(ProcessStartInfo info, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = info };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{info.FileName} {string.Join(' ', info.ArgumentList)} did not finish within {timeout}.");
        }

        // The parameterless overload waits for the redirected streams to drain.
        process.WaitForExit();
        lock (output)
        {
            return new Result(process.ExitCode, output.ToString());
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    public async Task AppendLogAsync(string text)
    {
        var line = $"[{DateTimeOffset.Now:yyyy-MM-dd HH:mm:ss.fff zzz}] {text}";
        await using var stream = new FileStream(logFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync(line.EndsWith('\n') ? line : line + "\n");
    }

    public string LogTail(int lines = 30)
    {
        try
        {
            using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines)).TrimEnd();
        }
        catch (IOException e)
        {
            return $"(log {logFile} unreadable: {e.Message})";
        }
    }
}
