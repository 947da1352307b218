using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Preview;

namespace O2C.Grains.Interfaces.Dunning;

/// <summary>
/// A dunning case: one per customer while anything is overdue, holding all its overdue
/// invoices, walking each up the ladder of the risk profile the case opened with.
/// </summary>
[Alias("o2c.dunning-case")]
public interface IDunningCaseGrain : IGrainWithStringKey
{
    /// <summary>
    /// An overdue invoice joins (with the customer, which the case needs when it opens), or an
    /// invoice in the case changed: paid, disputed (customer may be null then).
    /// </summary>
    [Alias("track")] Task Track(CaseInvoiceUpdate invoice, CustomerSnapshot? customer);

    [Alias("add-note")] Task<CaseActionResult> AddNote(string text);

    [Alias("promise-to-pay")] Task<CaseActionResult> PromiseToPay(decimal amount, DateOnly date);

    /// <summary>A promise to pay; refused while a payment plan or dispute holds the case unless it <paramref name="replaces"/> it.</summary>
    [Alias("promise-to-pay-replacing")] Task<CaseActionResult> PromiseToPay(decimal amount, DateOnly date, bool replaces);

    /// <summary>Pauses the case on instalments covering its open amount; each is watched on its date plus the grace days.</summary>
    [Alias("agree-payment-plan")] Task<CaseActionResult> AgreePaymentPlan(PaymentPlanRequest plan);

    /// <summary>Late-payment interest and compensation on one of the case's invoices to business today; null when it is not in the case.</summary>
    [Alias("interest")] Task<InvoiceInterest?> Interest(string invoiceId);

    /// <summary>Assigns the case to a collector (the worklist can be filtered by collector).</summary>
    [Alias("assign")] Task<CaseActionResult> Assign(string collector);

    /// <summary>The collection agency confirmed it took the handover.</summary>
    [Alias("acknowledge-handover")] Task<CaseActionResult> AcknowledgeHandover(string handoverId);

    /// <summary>Sends the next stage now.</summary>
    [Alias("escalate")] Task<CaseActionResult> Escalate();

    [Alias("exists")] Task<bool> Exists();

    /// <summary>
    /// Dry run: the case's reminders and the given joins up to the request's time, in time order,
    /// through the same handlers a real run uses, on a copy of the state. Nothing is written and no
    /// other grain is changed.
    /// </summary>
    [Alias("preview")] Task<CasePreview> Preview(CasePreviewRequest request);
}
