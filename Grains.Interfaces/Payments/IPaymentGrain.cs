using O2C.Runtime;

namespace O2C.Grains.Interfaces.Payments;

/// <summary>One incoming payment, keyed by payment id: matched once, applied once.</summary>
public interface IPaymentGrain : IGrainWithStringKey
{
    Task<PaymentResult> Receive(ReceivePayment payment);
}
