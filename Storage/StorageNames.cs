namespace O2C.Storage;

/// <summary>The names grains give their <c>[PersistentState]</c> storage, whichever provider serves it.</summary>
public static class StorageNames
{
    /// <summary>The order-to-cash grains' storage: ours (<see cref="O2CGrainStorage"/>) or the stock AdoNet provider.</summary>
    public const string Grains = "o2c";
}
