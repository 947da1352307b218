namespace O2C.Runtime;

/// <summary>An audit event as staged by a grain; <paramref name="Data"/> is JSON. <paramref name="About"/> null: the writing grain.</summary>
public sealed record AuditEvent(string Kind, string Data, GrainId? About = null);
