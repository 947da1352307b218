namespace O2C.Bench.Faults;

/// <summary>The command-line names of the <see cref="FaultKind"/>s (<c>--faults silo-kill,db-restart</c>).</summary>
public static class FaultNames
{
    private static readonly Dictionary<string, FaultKind> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["silo-kill"] = FaultKind.SiloKill,
        ["silo-kill-advance"] = FaultKind.SiloKillDuringAdvance,
        ["db-restart"] = FaultKind.DatabaseRestart,
        ["db-stop"] = FaultKind.DatabaseStop,
        ["db-terminate"] = FaultKind.ConnectionsTerminated,
        ["silo-pause"] = FaultKind.SiloPause,
    };

    public static IReadOnlyCollection<string> All => ByName.Keys;

    public static string Of(FaultKind kind) => ByName.First(n => n.Value == kind).Key;

    public static bool TryParse(string name, out FaultKind kind) => ByName.TryGetValue(name.Trim(), out kind);
}
