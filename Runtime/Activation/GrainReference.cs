using System.Reflection;

namespace O2C.Runtime.Activation;

/// <summary>
/// The proxy behind every grain interface reference: a call becomes a turn on the grain's
/// activation. Stands in for Orleans' generated references (no code generator is available).
/// </summary>
public class GrainReference : DispatchProxy
{
    private GrainRuntime? _runtime;
    private GrainClass? _grainClass;

    public GrainId GrainId { get; private set; }

    internal void Bind(GrainRuntime runtime, GrainId id, GrainClass grainClass)
    {
        _runtime = runtime;
        _grainClass = grainClass;
        GrainId = id;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        _runtime!.Dispatch(GrainId, _grainClass!, targetMethod!, args ?? []);

    public override string ToString() => GrainId.ToString();
}
