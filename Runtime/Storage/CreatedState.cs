namespace O2C.Runtime;

/// <summary>The first state of another grain, staged with a write (see <see cref="CommitRows.Create"/>).</summary>
public sealed record CreatedState(GrainId Grain, string StateName, string Json);
