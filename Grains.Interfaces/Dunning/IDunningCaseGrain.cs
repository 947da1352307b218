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
