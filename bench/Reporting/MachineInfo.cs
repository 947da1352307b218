using System.Runtime.InteropServices;

namespace O2C.Bench.Reporting;

/// <summary>The machine the run measured: the ceilings only mean something next to these.</summary>
public sealed record MachineInfo(string Host, int Cores, string? CpuModel, long RamBytes, string Os, string Dotnet)
{
    public static MachineInfo Describe() => new(
        Environment.MachineName,
        Environment.ProcessorCount,
        ReadProc("/proc/cpuinfo", "model name"),
        ReadMemTotal() ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription);

    private static long? ReadMemTotal() =>
        ReadProc("/proc/meminfo", "MemTotal") is { } text && long.TryParse(text.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], out var kb)
            ? kb * 1024
            : null;

    private static string? ReadProc(string path, string key)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
