namespace O2C.Runtime.Activation;

internal sealed class ActivationControl(GrainRuntime runtime) : IActivationControl
{
    public int ActivationCount => runtime.Catalog.Count;

    public Task<int> CollectIdleAsync(TimeSpan idleFor) => runtime.Catalog.CollectIdleAsync(idleFor);
}
