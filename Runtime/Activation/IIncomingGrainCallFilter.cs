namespace O2C.Runtime;

/// <summary>Runs around every grain call, inside the grain's turn (as in Orleans).</summary>
public interface IIncomingGrainCallFilter
{
    Task Invoke(IIncomingGrainCallContext context);
}
