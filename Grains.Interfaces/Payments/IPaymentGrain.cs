
namespace O2C.Grains.Interfaces.Payments;

/// <summary>One incoming payment, keyed by payment id: matched once, applied once.</summary>
[Alias("o2c.payment")]
public interface IPaymentGrain : IGrainWithStringKey
{
    [Alias("receive")] Task<PaymentResult> Receive(ReceivePayment payment);

    /// <summary>
    /// Applies a bank statement credit as matched (issue 16); the first call decides, any later one gets that result
    /// with <see cref="PaymentResult.Duplicate"/>, whatever it carries (a re-import may match differently).
    /// </summary>
    [Alias("receive-from-statement")] Task<PaymentResult> ReceiveFromStatement(StatementPayment payment);

    /// <summary>A collector applies the unapplied money by hand (issue 16): an unmatched payment, or an overpayment's surplus.</summary>
    [Alias("allocate")] Task<PaymentAction> Allocate(AllocatePayment allocation);

    /// <summary>A collector marks the unapplied money for a refund (issue 16); refused for a payment applied in full.</summary>
    [Alias("request-refund")] Task<PaymentAction> RequestRefund(RequestRefund request);
}
