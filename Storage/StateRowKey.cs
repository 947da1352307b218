namespace O2C.Storage;

/// <summary>
/// Where a grain's rows are keyed in PostgreSQL: the grain type as Orleans names it
/// (<c>[GrainType("invoice")]</c>) and its string key, so grain_state, grain_events and outbox rows
/// written before the move to Orleans stay valid.
/// </summary>
public readonly record struct StateRowKey(string Type, string Key)
{
    public static StateRowKey Of(Orleans.Runtime.GrainId grain) => new(grain.Type.ToString()!, grain.Key.ToString()!);

    public override string ToString() => $"{Type}/{Key}";
}
