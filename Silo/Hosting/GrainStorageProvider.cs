namespace O2C.Silo.Hosting;

/// <summary>Which provider stores grain state (<c>O2C:Storage:Provider</c>).</summary>
public enum GrainStorageProvider
{
    /// <summary>
    /// Ours: state, query rows, audit events and outbox in one transaction, group-committed across
    /// grains (<c>grain_state</c>). The default where <c>bench/</c> shows it ahead of the stock one.
    /// </summary>
    O2C,

    /// <summary>Orleans' stock AdoNet provider (<c>orleansstorage</c>); a grain's rows follow its state in a second transaction.</summary>
    AdoNet,
}
