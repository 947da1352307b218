using System.Collections.Concurrent;

namespace O2C.Cluster.Tests;

/// <summary>A grain call filter in every silo: which activation, on which silo, handled each call to a grain.</summary>
public sealed class ActivationRecorder : IIncomingGrainCallFilter
{
    private readonly ConcurrentQueue<HandledCall> _calls = new();

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        _calls.Enqueue(new HandledCall(context.TargetContext.GrainId, context.TargetContext.ActivationId, context.TargetContext.Address.SiloAddress, context.InterfaceMethod.Name));
        await context.Invoke();
    }

    /// <summary>The calls handled so far for <paramref name="grain"/>.</summary>
    public IReadOnlyList<HandledCall> For(GrainId grain) => [.. _calls.Where(c => c.Grain == grain)];
}
