namespace O2C.Storage;

internal sealed record StoredState(long Version, string Json);
