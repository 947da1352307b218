namespace O2C.Silo.Hosting;

/// <summary>Configuration section <c>O2C:Cluster</c>: how this silo finds and joins its cluster.</summary>
public sealed class ClusterSettings
{
    public const string SectionName = "O2C:Cluster";

    /// <summary>Silos with the same id on the same database form one cluster.</summary>
    public string ClusterId { get; set; } = "o2c";

    /// <summary>Names the stored state and reminders; stays the same across deployments of the cluster.</summary>
    public string ServiceId { get; set; } = "o2c";

    /// <summary>Silo-to-silo port; a second silo on the same machine needs its own.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port for Orleans clients outside the silos; a second silo on the same machine needs its own.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// Host name or IP address other silos reach this one at. The loopback address (the default)
    /// serves several silos on one machine; in containers give the container's host name.
    /// </summary>
    public string AdvertisedHost { get; set; } = "127.0.0.1";

    /// <summary>
    /// Membership in Orleans' AdoNet clustering table on our PostgreSQL, at the endpoints above (the
    /// default). False leaves clustering and endpoints to the host: Orleans' <c>InProcessTestCluster</c>
    /// brings its own in-memory membership and transport.
    /// </summary>
    public bool AdoNetClustering { get; set; } = true;
}
