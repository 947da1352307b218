using O2C.Grains.Interfaces.Dunning;
using O2C.Grains.Interfaces.Invoices;
using O2C.Grains.Interfaces.Orders;
using O2C.Grains.Interfaces.Preview;

namespace O2C.Grains.Interfaces.Customers;

/// <summary>
/// A customer: terms, credit, risk profile, payment behaviour. Keyed by customer id. Calls go
/// one way (customer to new invoices; invoices and cases to the customer) so grains never wait
/// on each other in a circle.
/// </summary>
[Alias("o2c.customer")]
public interface ICustomerGrain : IGrainWithStringKey
{
    [Alias("upsert")] Task<CustomerSnapshot> Upsert(CustomerProfile profile);

    /// <summary>Null when the customer does not exist.</summary>
    [Alias("get-snapshot")] Task<CustomerSnapshot?> GetSnapshot();

    /// <summary>Credit check, then an invoice or a hold. Idempotent on the order id.</summary>
    [Alias("place-order")] Task<OrderResult> PlaceOrder(PlaceOrder order);

    /// <summary>Invoices a held order regardless of the credit limit (a person decided).</summary>
    [Alias("release-order")] Task<OrderResult> ReleaseOrder(string orderId);

    /// <summary>An invoice fell due unpaid: returns the customer's open case, opening one if needed.</summary>
    [Alias("assign-case")] Task<CaseAssignment> AssignCase(string invoiceId);

    /// <summary>An invoice's outstanding changed (payment); when paid in full, how late it was.</summary>
    [Alias("invoice-outstanding-changed")] Task InvoiceOutstandingChanged(InvoiceBalance balance);

    /// <summary>The case reached a stage (final notice and collection count against the risk profile).</summary>
    [Alias("case-reached-stage")] Task CaseReachedStage(string caseId, DunningStage stage);

    [Alias("promise-broken")] Task PromiseBroken(string caseId, decimal amount, DateOnly promisedFor);

    /// <summary>A payment plan broke: an instalment was short after its grace days. Counts against the risk profile as a broken promise does.</summary>
    [Alias("payment-plan-broken")] Task PaymentPlanBroken(string caseId, decimal shortfall, DateOnly instalmentDate);

    [Alias("case-closed")] Task CaseClosed(string caseId);

    /// <summary>
    /// Dry run, nothing written: the snapshot the customer would give after <paramref name="events"/>
    /// (in their order), through the same code as <see cref="CaseReachedStage"/> and <see cref="PromiseBroken"/>.
    /// </summary>
    [Alias("preview-snapshot")] Task<CustomerSnapshot?> PreviewSnapshot(IReadOnlyList<CustomerEvent> events);

    /// <summary>Dry run of <see cref="AssignCase"/> at business time <paramref name="at"/>: nothing written.</summary>
    [Alias("preview-assign-case")] Task<CaseAssignment> PreviewAssignCase(string invoiceId, DateTimeOffset at);
}
