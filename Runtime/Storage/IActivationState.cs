namespace O2C.Runtime.Storage;

/// <summary>A state facet the runtime reads before <c>OnActivateAsync</c>.</summary>
internal interface IActivationState
{
    Task ReadStateAsync();
}
