namespace O2C.Storage;

/// <summary>An audit event as staged by a grain; <paramref name="Data"/> is JSON.</summary>
public sealed record AuditEvent(string Kind, string Data);
