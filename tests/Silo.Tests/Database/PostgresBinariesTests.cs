using O2C.Silo.Database;
using O2C.Tests.Support;

namespace O2C.Silo.Tests.Database;

public sealed class PostgresBinariesTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("o2c-pgbin");

    [Fact]
    public async Task Missing_binaries_fail_with_one_clear_message()
    {
        var options = new EmbeddedPostgresOptions
        {
            DataDirectory = Path.Combine(_folder.Path, "data"),
            SearchPath = "",
            InstallRoot = Path.Combine(_folder.Path, "nowhere"),
        };

        var error = await Assert.ThrowsAsync<PostgresBinariesNotFoundException>(() => EmbeddedPostgres.StartAsync(options));

        Assert.Equal(
            "PostgreSQL binaries not found (looked on PATH and /usr/lib/postgresql/*/bin). Install your distribution's PostgreSQL " +
            "(e.g. `apt-get install postgresql`) or run `docker compose up` and set ConnectionStrings:O2C.",
            error.Message);
    }

    [Fact]
    public void Install_root_yields_the_highest_complete_version()
    {
        var root = Path.Combine(_folder.Path, "lib");
        FakeBin(Path.Combine(root, "9.6", "bin"), "pg_ctl", "initdb", "postgres");
        FakeBin(Path.Combine(root, "15", "bin"), "pg_ctl", "initdb", "postgres");
        FakeBin(Path.Combine(root, "16", "bin"), "pg_ctl", "initdb"); // incomplete: no server

        Assert.Equal(Path.Combine(root, "15", "bin"), PostgresBinaries.Find(searchPath: "", installRoot: root));
    }

    [Fact]
    public void Path_wins_when_pg_ctl_has_its_siblings()
    {
        var lonely = Path.Combine(_folder.Path, "lonely");
        var complete = Path.Combine(_folder.Path, "complete");
        FakeBin(lonely, "pg_ctl");
        FakeBin(complete, "pg_ctl", "initdb", "postgres");
        FakeBin(Path.Combine(_folder.Path, "lib", "15", "bin"), "pg_ctl", "initdb", "postgres");

        var found = PostgresBinaries.Find($"{lonely}{Path.PathSeparator}{complete}", Path.Combine(_folder.Path, "lib"));

        Assert.Equal(complete, found);
    }

    public void Dispose() => _folder.Dispose();

    private static void FakeBin(string folder, params string[] names)
    {
        Directory.CreateDirectory(folder);
        foreach (var name in names)
        {
            File.WriteAllText(Path.Combine(folder, name), "");
        }
    }
}
