namespace O2C.Grains.Credit;

/// <summary>The credit check's verdict; <see cref="Reason"/> is for the collector reading a held order.</summary>
public sealed record CreditDecision(CreditOutcome Outcome, string Reason)
{
    public bool IsApproved => Outcome == CreditOutcome.Approve;
}
