
namespace O2C.Grains.Interfaces.Payments;

/// <summary>One incoming payment, keyed by payment id: matched once, applied once.</summary>
[Alias("o2c.payment")]
public interface IPaymentGrain : IGrainWithStringKey
{
    [Alias("receive")] Task<PaymentResult> Receive(ReceivePayment payment);
}
