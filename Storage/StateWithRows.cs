using System.Text.Json.Serialization;

namespace O2C.Storage;

/// <summary>
/// A grain state that hands the rows of its next write to the storage provider. Orleans'
/// <c>IPersistentState.WriteStateAsync()</c> takes no arguments, so the rows ride on the state:
/// <see cref="O2CGrainStorage"/> takes them and commits them in the state's own transaction; with
/// another provider they are still here after the write, and the grain writes them next.
/// </summary>
public abstract class StateWithRows
{
    [JsonIgnore]
    public CommitRows? Staged { get; set; }
}
