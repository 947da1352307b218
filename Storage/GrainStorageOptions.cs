namespace O2C.Storage;

/// <summary>How writes are grouped into transactions (group commit).</summary>
public sealed class GrainStorageOptions
{
    /// <summary>Most writes (of different grains) that share one transaction.</summary>
    public int MaxBatchSize { get; set; } = 512;

    /// <summary>Transactions in flight at once; while one commits, the next batch gathers.</summary>
    public int Writers { get; set; } = 4;

    // Set when our grain storage is in use (not from configuration): its state writes carry their rows.
    internal bool RowsWithState { get; set; }
}
