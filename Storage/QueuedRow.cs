namespace O2C.Storage;

/// <summary>One row for a <see cref="MultiRowStatement"/>, values in its column order.</summary>
internal sealed record QueuedRow(MultiRowStatement Statement, object?[] Values);
