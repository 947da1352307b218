using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace O2C.Api.Dashboard;

/// <summary>The page's three files, embedded in this assembly (no build step, no CDN) and read once.</summary>
internal static class DashboardAssets
{
    private static readonly Lazy<Dictionary<string, byte[]>> Files = new(Load);

    public static IResult Serve(string name, string contentType) =>
        Files.Value.TryGetValue(name, out var bytes)
            ? Results.Bytes(bytes, contentType)
            : Results.NotFound();

    private static Dictionary<string, byte[]> Load()
    {
        const string prefix = "O2C.Api.Dashboard.wwwroot.";
        var assembly = typeof(DashboardAssets).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(n => n[prefix.Length..], n => Read(assembly, n));
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
