using O2C.Runtime.Tests.TestGrains;

namespace O2C.Runtime.Tests.Support;

/// <summary>Observations shared by all silos of one test, so a test sees what grains on any silo did.</summary>
public sealed class SharedLogs
{
    public LifecycleLog Lifecycle { get; } = new();
    public Gates Gates { get; } = new();
    public AlarmLog Alarms { get; } = new();
}
