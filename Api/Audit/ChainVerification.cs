namespace O2C.Api.Audit;

/// <summary>The answer of <c>GET /v1/audit/verify</c>: how many events were checked and the first breaks found.</summary>
public sealed record ChainVerification(bool Intact, long EventsChecked, IReadOnlyList<ChainBreak> Breaks);
