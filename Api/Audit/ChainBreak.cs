namespace O2C.Api.Audit;

/// <summary>
/// One event whose chain does not hold: <c>edited</c> (its content no longer gives its hash) or
/// <c>link-broken</c> (its previous-hash is not the hash of the grain's event before it: that one was
/// deleted or edited, or this one was moved).
/// </summary>
public sealed record ChainBreak(long EventId, string GrainType, string GrainKey, string Problem);
