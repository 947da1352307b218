using System.Globalization;

namespace O2C.Bench.Load;

/// <summary>
/// The machine's CPU counters (<c>/proc/stat</c>): busy time of all cores, whoever spent it (load
/// generator, silo, PostgreSQL, the kernel for them). Busy time per unit of work varies much less than
/// throughput when the host's speed drifts between runs, so it is the figure to compare changes by.
/// </summary>
public readonly record struct MachineCpu(long BusyTicks)
{
    // USER_HZ: /proc/stat counts in 1/100 s on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    /// <summary>The counters now; null where there is no <c>/proc/stat</c> (not Linux).</summary>
    public static MachineCpu? Read()
    {
        try
        {
            using var reader = new StreamReader("/proc/stat");
            return Parse(reader.ReadLine());
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The aggregate <c>cpu</c> line: user, nice, system, idle, iowait, irq, softirq, steal, ...
    /// Busy is user + nice + system + irq + softirq; idle, iowait and steal (time the hypervisor gave
    /// to others) are not work done here. Null for a line it cannot read, so a bench run never fails on it.
    /// </summary>
    public static MachineCpu? Parse(string? cpuLine)
    {
        var fields = cpuLine?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields is null || fields.Length < 8 || fields[0] != "cpu")
        {
            return null;
        }

        var busy = 0L;
        foreach (var i in (ReadOnlySpan<int>)[1, 2, 3, 6, 7])
        {
            if (!long.TryParse(fields[i], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
            {
                return null;
            }

            busy += ticks;
        }

        return new MachineCpu(busy);
    }

    /// <summary>CPU time spent on all cores from <paramref name="start"/> to this reading.</summary>
    public TimeSpan BusySince(MachineCpu start) => TimeSpan.FromSeconds((BusyTicks - start.BusyTicks) / TicksPerSecond);

    /// <summary>Busy CPU time from <paramref name="start"/> until now; null when either reading is missing.</summary>
    public static TimeSpan? BusySince(MachineCpu? start) => start is { } from && Read() is { } now ? now.BusySince(from) : null;
}
