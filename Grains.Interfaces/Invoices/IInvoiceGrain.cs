using O2C.Grains.Interfaces.Preview;
using Orleans.Concurrency;

namespace O2C.Grains.Interfaces.Invoices;

/// <summary>An invoice: lines, amounts, payments, dispute; its reminders watch the due date.</summary>
[Alias("o2c.invoice")]
public interface IInvoiceGrain : IGrainWithStringKey
{
    /// <summary>Issues the invoice; issuing the same order again returns the invoice as it is.</summary>
    /// <remarks>
    /// Interleaves: a customer activating drives its pending issues again while the invoice may be
    /// waiting on that customer (a reminder composing a message); without it both would wait for
    /// each other until the response timeout. Only the customer issues, one call at a time, so a new
    /// invoice is never issued twice at once; for an existing one it only reads.
    /// </remarks>
    [AlwaysInterleave, Alias("issue")] Task<InvoiceSummary> Issue(IssueInvoice command);

    [Alias("get")] Task<InvoiceSummary?> Get();

    /// <summary>Applies up to the payment's amount; the same payment id twice applies once.</summary>
    [Alias("apply-payment")] Task<PaymentApplication> ApplyPayment(ApplyPayment payment);

    /// <summary>Writes off the rest of the invoice: it leaves exposure and its case; a later payment is a recovery.</summary>
    [Alias("write-off")] Task<Dunning.CaseActionResult> WriteOff(WriteOff command);

    [Alias("dispute")] Task Dispute(string reason);

    [Alias("resolve-dispute")] Task ResolveDispute(string reason);

    /// <summary>
    /// Dry run: runs the invoice's reminders due up to the request's time through the same handler a
    /// real run uses, on a copy of the state, and answers what it would send and which case it would
    /// join. Nothing is written and no other grain is changed.
    /// </summary>
    [Alias("preview")] Task<InvoicePreview> Preview(InvoicePreviewRequest request);
}
