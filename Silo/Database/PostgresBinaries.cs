namespace O2C.Silo.Database;

/// <summary>Finds the folder holding <c>pg_ctl</c>, <c>initdb</c> and <c>postgres</c>.</summary>
public static class PostgresBinaries
{
    private static readonly string[] Required = ["pg_ctl", "initdb", "postgres"];

    /// <summary>
    /// First folder on <paramref name="searchPath"/> (PATH syntax; null = the PATH variable) whose
    /// <c>pg_ctl</c> has <c>initdb</c> and <c>postgres</c> beside it; else the highest version under
    /// <paramref name="installRoot"/><c>/*/bin</c>; else throws <see cref="PostgresBinariesNotFoundException"/>.
    /// </summary>
    public static string Find(string? searchPath = null, string installRoot = "/usr/lib/postgresql")
    {
        var path = searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (IsComplete(folder))
            {
                return Path.GetFullPath(folder);
            }
        }

        if (Directory.Exists(installRoot))
        {
            var best = Directory.EnumerateDirectories(installRoot)
                .Select(dir => (Version: ParseVersion(Path.GetFileName(dir)), Bin: Path.Combine(dir, "bin")))
                .Where(candidate => candidate.Version is not null && IsComplete(candidate.Bin))
                .OrderByDescending(candidate => candidate.Version)
                .FirstOrDefault();
            if (best.Bin is not null)
            {
                return best.Bin;
            }
        }

        throw new PostgresBinariesNotFoundException();
    }

    private static bool IsComplete(string folder) =>
        Required.All(name => File.Exists(Path.Combine(folder, name)));

    // "15" or "9.6": compare numerically so that 15 beats 9.6.
    private static Version? ParseVersion(string name) =>
        Version.TryParse(name.Contains('.', StringComparison.Ordinal) ? name : name + ".0", out var version)
            ? version
            : null;
}
