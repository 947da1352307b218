using Orleans;
using Orleans.Runtime;

namespace O2C.Storage;

/// <summary>
/// Starts the group committer before any grain activates and stops it after the last one
/// deactivated: grains write on their way out, and accepted writes are drained, not dropped.
/// </summary>
internal sealed class StorageLifecycle(GroupCommitter committer, GroupReader reader) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) => lifecycle.Subscribe(
        nameof(StorageLifecycle),
        ServiceLifecycleStage.RuntimeStorageServices,
        committer.StartAsync,
        async cancellationToken =>
        {
            await committer.StopAsync(cancellationToken);
            await reader.DisposeAsync();
        });
}
