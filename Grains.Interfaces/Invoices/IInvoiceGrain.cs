
namespace O2C.Grains.Interfaces.Invoices;

/// <summary>An invoice: lines, amounts, payments, dispute; its reminders watch the due date.</summary>
[Alias("o2c.invoice")]
public interface IInvoiceGrain : IGrainWithStringKey
{
    /// <summary>Issues the invoice; issuing the same order again returns the invoice as it is.</summary>
    [Alias("issue")] Task<InvoiceSummary> Issue(IssueInvoice command);

    [Alias("get")] Task<InvoiceSummary?> Get();

    /// <summary>Applies up to the payment's amount; the same payment id twice applies once.</summary>
    [Alias("apply-payment")] Task<PaymentApplication> ApplyPayment(ApplyPayment payment);

    [Alias("dispute")] Task Dispute(string reason);

    [Alias("resolve-dispute")] Task ResolveDispute(string reason);
}
