namespace O2C.Runtime;

public sealed class ClusterMembershipOptions
{
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A silo whose last heartbeat is older than this is marked dead by any live silo.</summary>
    public TimeSpan DeathTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
