namespace O2C.Runtime.Storage;

internal sealed record StoredState(long Version, string Json);
