namespace O2C.Runtime.Storage;

/// <summary>One activation waiting for its state row.</summary>
internal sealed class PendingRead(GrainId grain, string stateName)
{
    private readonly TaskCompletionSource<StoredState?> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public GrainId Grain { get; } = grain;

    public string StateName { get; } = stateName;

    public Task<StoredState?> Completion => _completion.Task;

    public void Complete(StoredState? state) => _completion.TrySetResult(state);

    public void Fail(Exception error) => _completion.TrySetException(error);
}
