using System.Data;
using DbUp.Engine;
using Npgsql;

namespace O2C.Silo.Database;

/// <summary>
/// DbUp's journal kept in our own <c>schema_migrations (version, name, applied_at)</c>, the table every
/// database migrated before DbUp already has: so DbUp adopts those databases without running a
/// script again. Why not DbUp's <c>schemaversions</c>: it keys a script by its name, ours by its
/// version, so renaming a migration file never runs it twice; and two journals would need a copy step.
/// A script's record is written by DbUp in the script's own transaction.
/// </summary>
internal sealed class VersionJournal(NpgsqlDataSource dataSource, IReadOnlyList<SchemaMigration> migrations) : IJournal
{
    public const string CreateTableSql = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version int PRIMARY KEY,
            name text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now())
        """;

    /// <summary>The names DbUp gives our scripts: <c>0001_runtime</c>.</summary>
    public static string ScriptName(SchemaMigration migration) => $"{migration.Version:0000}_{migration.Name}";

    // The known migrations whose version is recorded, by their current script names.
    public string[] GetExecutedScripts()
    {
        var applied = ReadApplied(dataSource);
        return [.. migrations.Where(m => applied.Contains(m.Version)).Select(ScriptName)];
    }

    public void StoreExecutedScript(SqlScript script, Func<IDbCommand> dbCommandFactory)
    {
        var migration = migrations.Single(m => ScriptName(m) == script.Name);
        using var command = dbCommandFactory();
        command.CommandText = "INSERT INTO schema_migrations (version, name) VALUES (@version, @name)";
        Add(command, "version", migration.Version);
        Add(command, "name", migration.Name);
        command.ExecuteNonQuery();
    }

    public void EnsureTableExistsAndIsLatestVersion(Func<IDbCommand> dbCommandFactory)
    {
        using var command = dbCommandFactory();
        command.CommandText = CreateTableSql;
        command.ExecuteNonQuery();
    }

    public static HashSet<int> ReadApplied(NpgsqlDataSource dataSource)
    {
        using var connection = dataSource.OpenConnection();
        using var exists = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL", connection);
        if (exists.ExecuteScalar() is not true)
        {
            return [];
        }

        using var command = new NpgsqlCommand("SELECT version FROM schema_migrations", connection);
        using var reader = command.ExecuteReader();
        var versions = new HashSet<int>();
        while (reader.Read())
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static void Add(IDbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
