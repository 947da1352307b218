namespace O2C.Storage;

/// <summary>A JSON text sent to PostgreSQL as jsonb.</summary>
public sealed record Jsonb(string Json);
