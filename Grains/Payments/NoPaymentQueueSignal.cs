using O2C.Grains.Interfaces.Payments;

namespace O2C.Grains.Payments;

/// <summary>Nobody listens: a silo without the API's cash application.</summary>
public sealed class NoPaymentQueueSignal : IPaymentQueueSignal
{
    public void InvoiceIssued(string customerId, string invoiceId, string paymentReference)
    {
    }
}
