namespace O2C.Runtime;

/// <summary>When idle activations are collected (names as in Orleans).</summary>
public sealed class GrainCollectionOptions
{
    /// <summary>An activation idle this long is deactivated.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the collector looks for idle activations.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);
}
