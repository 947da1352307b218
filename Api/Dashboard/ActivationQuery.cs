using Orleans;
using Orleans.Metadata;
using Orleans.Runtime;

namespace O2C.Api.Dashboard;

/// <summary>
/// Activations per grain type across the cluster, from the management grain (each active silo
/// answers with its own counts). Orleans names types there by grain class; the cluster manifest
/// maps a class back to the grain type the rest of the dashboard uses (<c>customer</c>, not
/// <c>O2C.Grains.Customers.CustomerGrain</c>). Orleans' own grains are left out.
/// </summary>
public sealed class ActivationQuery(IGrainFactory grains, IClusterManifestProvider manifests)
{
    private readonly Lock _lock = new();
    private (MajorMinorVersion Version, Dictionary<string, string> Names)? _names;

    public async Task<ClusterActivations> ReadAsync()
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var silos = (await management.GetHosts(onlyActive: true)).Keys.ToArray();
        var statistics = silos.Length == 0 ? [] : await management.GetSimpleGrainStatistics(silos);
        var names = GrainTypeNames();
        var byType = statistics
            .Where(s => !IsOrleans(s.GrainType))
            .GroupBy(s => GrainTypeOf(s.GrainType, names), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(s => (long)s.ActivationCount), StringComparer.Ordinal);
        return new ClusterActivations(silos.Length, byType);
    }

    /// <summary>Whether a grain class is Orleans' own (management, Orleans Dashboard): the panel counts the application's.</summary>
    public static bool IsOrleans(string className) => className.StartsWith("Orleans.", StringComparison.Ordinal);

    /// <summary>The grain type of a class name as the statistics give it, or the name itself when unknown.</summary>
    public static string GrainTypeOf(string className, IReadOnlyDictionary<string, string> names)
    {
        if (names.TryGetValue(className, out var type))
        {
            return type;
        }

        // A formatted type name may carry its assembly after a comma.
        var comma = className.IndexOf(',', StringComparison.Ordinal);
        return comma > 0 && names.TryGetValue(className[..comma].Trim(), out type) ? type : className;
    }

    private Dictionary<string, string> GrainTypeNames()
    {
        var current = manifests.Current;
        lock (_lock)
        {
            if (_names is { } cached && cached.Version == current.Version)
            {
                return cached.Names;
            }

            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (grainType, properties) in current.AllGrainManifests.SelectMany(m => m.Grains))
            {
                foreach (var key in new[] { WellKnownGrainTypeProperties.FullTypeName, WellKnownGrainTypeProperties.TypeName })
                {
                    if (properties.Properties.TryGetValue(key, out var className))
                    {
                        names.TryAdd(className, grainType.ToString()!);
                    }
                }
            }

            _names = (current.Version, names);
            return names;
        }
    }
}
