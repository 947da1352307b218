using System.Globalization;

namespace O2C.Runtime.Membership;

/// <summary>Who this silo is in the membership table and on reminder leases.</summary>
public sealed class SiloIdentity
{
    public SiloIdentity()
    {
        StartedAt = DateTimeOffset.UtcNow;
        HostName = Environment.MachineName;
        SiloId = string.Create(CultureInfo.InvariantCulture, $"{HostName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
    }

    public string SiloId { get; }

    public string HostName { get; }

    public DateTimeOffset StartedAt { get; }
}
