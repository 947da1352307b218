namespace O2C.Grains.Credit;

public enum CreditOutcome
{
    Approve,
    Hold,
}
