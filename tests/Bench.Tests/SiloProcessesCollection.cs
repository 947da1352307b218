namespace O2C.Bench.Tests;

/// <summary>
/// Tests that start silo processes run one at a time, never beside each other: a CI of two cores
/// cannot carry three silos of the fault suite and a scenario's silo at once.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SiloProcessesCollection
{
    public const string Name = "silo processes";
}
