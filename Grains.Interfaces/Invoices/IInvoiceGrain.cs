using O2C.Runtime;

namespace O2C.Grains.Interfaces.Invoices;

/// <summary>An invoice: lines, amounts, payments, dispute; its reminders watch the due date.</summary>
public interface IInvoiceGrain : IGrainWithStringKey
{
    /// <summary>Issues the invoice; issuing the same order again returns the invoice as it is.</summary>
    Task<InvoiceSummary> Issue(IssueInvoice command);

    Task<InvoiceSummary?> Get();

    /// <summary>Applies up to <paramref name="amount"/>; the same payment id twice applies once.</summary>
    Task<PaymentApplication> ApplyPayment(string paymentId, decimal amount, DateTimeOffset receivedAt);

    Task Dispute(string reason);

    Task ResolveDispute(string reason);
}
