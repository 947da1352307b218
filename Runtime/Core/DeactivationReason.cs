namespace O2C.Runtime;

public enum DeactivationReason
{
    /// <summary>Idle longer than <see cref="GrainCollectionOptions.CollectionAge"/>.</summary>
    IdleCollection,
    /// <summary>The grain asked for it with <c>DeactivateOnIdle()</c>.</summary>
    ApplicationRequested,
    /// <summary>A state write lost to a newer version; the activation's memory is stale.</summary>
    InconsistentState,
    /// <summary>The silo is stopping.</summary>
    ShuttingDown,
}
