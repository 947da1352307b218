namespace O2C.Runtime.Storage;

/// <summary>One row for a <see cref="BulkTable"/>, values in the table's column order.</summary>
internal sealed record BulkRow(BulkTable Table, object?[] Values);
