namespace O2C.Grains.Interfaces.Payments;

/// <summary>
/// Told of every invoice issued, after its state is committed, so statement payments waiting in the queue for it (its
/// debtor's, or carrying its number or reference) are matched again (issue 16). The API's cash application listens; a silo
/// without it has a no-op. In memory and fire-and-forget: it must not slow an invoice down.
/// </summary>
public interface IPaymentQueueSignal
{
    void InvoiceIssued(string customerId, string invoiceId, string paymentReference);
}
