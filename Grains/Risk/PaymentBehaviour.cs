namespace O2C.Grains.Risk;

/// <summary>A customer's payment track record over the last 12 months.</summary>
public sealed record PaymentBehaviour(
    int InvoicesPaidLate,
    int MaxDaysLate,
    bool ReachedFinalNotice,
    int BrokenPromises)
{
    /// <summary>A customer with no history yet.</summary>
    public static PaymentBehaviour None { get; } = new(0, 0, false, 0);
}
