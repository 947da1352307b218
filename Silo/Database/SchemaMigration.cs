namespace O2C.Silo.Database;

/// <summary>One versioned SQL script (<c>Silo/Migrations/NNNN_name.sql</c>).</summary>
public sealed record SchemaMigration(int Version, string Name, string Sql);
