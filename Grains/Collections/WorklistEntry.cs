namespace O2C.Grains.Collections;

/// <summary>A ranked case: its place (1 = act first), the factors of its score, and the reason in words.</summary>
public sealed record WorklistEntry(
    int Rank,
    WorklistCase Case,
    decimal Score,
    decimal LikelihoodUnpaid,
    decimal Urgency,
    string Reason);
