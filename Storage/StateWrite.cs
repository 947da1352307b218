namespace O2C.Storage;

/// <summary>A versioned write of one state row. <see cref="Json"/> null means delete.</summary>
internal sealed record StateWrite(StateRowKey Grain, string StateName, long? ExpectedVersion, string? Json)
{
    public long NewVersion => (ExpectedVersion ?? 0) + 1;
}
