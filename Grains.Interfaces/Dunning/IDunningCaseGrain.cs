using O2C.Grains.Interfaces.Customers;
using O2C.Runtime;

namespace O2C.Grains.Interfaces.Dunning;

/// <summary>
/// A dunning case: one per customer while anything is overdue, holding all its overdue
/// invoices, walking each up the ladder of the risk profile the case opened with.
/// </summary>
public interface IDunningCaseGrain : IGrainWithStringKey
{
    /// <summary>
    /// An overdue invoice joins (with the customer, which the case needs when it opens), or an
    /// invoice in the case changed: paid, disputed (customer may be null then).
    /// </summary>
    Task Track(CaseInvoiceUpdate invoice, CustomerSnapshot? customer);

    Task<CaseActionResult> AddNote(string text);

    Task<CaseActionResult> PromiseToPay(decimal amount, DateOnly date);

    /// <summary>Sends the next stage now.</summary>
    Task<CaseActionResult> Escalate();

    Task<bool> Exists();
}
