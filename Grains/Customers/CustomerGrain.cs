using Npgsql;
using O2C.Clock;
using O2C.Grains.Common;
using O2C.Grains.Credit;
using O2C.Grains.Dunning;
using O2C.Grains.Invoices;
using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Dunning;
using O2C.Grains.Interfaces.Invoices;
using O2C.Grains.Interfaces.Orders;
using O2C.Grains.Interfaces.Preview;
using O2C.Grains.Invoicing;
using O2C.Grains.Risk;
using O2C.Storage;
using O2C.Telemetry;

namespace O2C.Grains.Customers;

[GrainType("customer")]
public sealed class CustomerGrain(
    [PersistentState("customer", StorageNames.Grains)] IPersistentState<CustomerState> state,
    BusinessClock clock,
    GrainRows grainRows,
    RiskPolicy riskPolicy,
    CustomerExposureQuery exposureQuery,
    O2CMetrics metrics) : DomainGrain<CustomerState>(state, clock, grainRows), ICustomerGrain
{
    private const int RecentOrdersKept = 1024;

    protected override string KeyAttribute => O2CTracing.CustomerId;

    // Only held orders live in the state, so it does not grow with every order. A retry that
    // races its first attempt is caught here; a later repeat fails the orders row's primary key,
    // and the API answers it from the orders table.
    private readonly Dictionary<string, OrderRecord> _recentOrders = [];

    private CustomerExposure _exposure = new();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (RecordExists)
        {
            _exposure = await exposureQuery.ForCustomerAsync(Key);
            foreach (var (invoiceId, command) in State.Unissued)
            {
                _exposure.Set(invoiceId, InvoicePricing.Price(command.Lines).Gross);
            }

            await IssuePendingAsync();
        }
    }

    public async Task<CustomerSnapshot> Upsert(CustomerProfile profile)
    {
        var rows = new CommitRows();
        if (!RecordExists)
        {
            State.CreatedAt = Now;
            rows.Audit("CustomerCreated", profile);
        }
        else
        {
            rows.Audit("CustomerUpdated", profile);
        }

        State.Profile = profile;
        Reassess(rows, "customer data changed");
        await SaveAsync(rows.Customer(Key, State, _exposure.Total, Now));
        return Snapshot();
    }

    public Task<CustomerSnapshot?> GetSnapshot() => Task.FromResult(RecordExists ? Snapshot() : null);

    public async Task<OrderResult> PlaceOrder(PlaceOrder order)
    {
        O2CTracing.Tag(O2CTracing.OrderId, order.OrderId);
        await IssuePendingAsync();
        var hash = OrderContentHash.Compute(order);
        if (_recentOrders.TryGetValue(order.OrderId, out var first) || TryGetHeld(order.OrderId, out first))
        {
            return first.ContentHash == hash
                ? new OrderResult(order.OrderId, OrderStatus.Duplicate, first.InvoiceId, first.Reason)
                : OrderResult.ConflictWith(order.OrderId, $"order {order.OrderId} was already received with different content");
        }

        if (State.Profile is not { } profile)
        {
            return new OrderResult(order.OrderId, OrderStatus.Rejected, null, $"customer {Key} does not exist");
        }

        if (!string.Equals(order.Currency, profile.Currency, StringComparison.Ordinal))
        {
            return new OrderResult(order.OrderId, OrderStatus.Rejected, null, $"order currency {order.Currency} differs from the customer's currency {profile.Currency}");
        }

        var gross = InvoicePricing.Price(order.Lines).Gross;
        var decision = CreditCheck.Decide(profile.CreditLimit, _exposure.Total, gross, order.Currency);
        var rows = new CommitRows();
        OrderRecord record;
        if (decision.Outcome == CreditOutcome.Approve)
        {
            var invoice = RequestInvoice(order, gross);
            record = new OrderRecord(hash, OrderStatus.Invoiced, invoice.InvoiceId, null, gross);
            rows.Audit("OrderInvoiced", new { order.OrderId, invoice.InvoiceId, gross, decision.Reason }).OnCommitted(metrics.OrderAccepted);
        }
        else
        {
            State.HeldOrders[order.OrderId] = new HeldOrder(order, hash, gross, decision.Reason);
            record = new OrderRecord(hash, OrderStatus.OnHold, null, decision.Reason, gross);
            rows.Audit("OrderHeld", new { order.OrderId, gross, decision.Reason }).OnCommitted(metrics.OrderHeld);
        }

        try
        {
            await SaveAsync(rows.NewOrder(order, record, Now).CustomerChanged(Key, State, _exposure.Total, Now));
        }
        catch (Exception error) when (IsUniqueViolation(error))
        {
            // The orders row's key: the id is stored already. Nothing of this order was written, and
            // this activation, which holds it in memory, is dropped (SaveAsync); the caller looks the id up.
            return OrderResult.Taken(order.OrderId);
        }

        Remember(order.OrderId, record);
        await IssuePendingAsync();
        return new OrderResult(order.OrderId, record.Status, record.InvoiceId, record.Reason);
    }

    public async Task<OrderResult> ReleaseOrder(string orderId)
    {
        if (!State.HeldOrders.TryGetValue(orderId, out var held))
        {
            var known = _recentOrders.GetValueOrDefault(orderId);
            return new OrderResult(orderId, OrderStatus.Rejected, known?.InvoiceId, $"order {orderId} is not on hold");
        }

        var rows = new CommitRows();
        var invoice = RequestInvoice(held.Order, held.Total);
        var record = new OrderRecord(held.ContentHash, OrderStatus.Invoiced, invoice.InvoiceId, null, held.Total);
        State.HeldOrders.Remove(orderId);
        rows.Audit("OrderReleased", new { orderId, invoice.InvoiceId, heldBecause = held.Reason }).OnCommitted(metrics.OrderReleased);
        await SaveAsync(rows.OrderChanged(orderId, record, Now).CustomerChanged(Key, State, _exposure.Total, Now));
        Remember(orderId, record);
        await IssuePendingAsync();
        return new OrderResult(orderId, OrderStatus.Invoiced, invoice.InvoiceId, null);
    }

    public async Task<CaseAssignment> AssignCase(string invoiceId)
    {
        if (State.OpenCaseId is { } open)
        {
            return new CaseAssignment(open, Opened: false, Snapshot());
        }

        State.CaseSequence++;
        State.OpenCaseId = $"{Key}-C{State.CaseSequence}";
        var rows = new CommitRows().Audit("CaseOpened", new { caseId = State.OpenCaseId, invoiceId, riskProfile = State.RiskProfile });
        await SaveAsync(rows.CustomerChanged(Key, State, _exposure.Total, Now));
        return new CaseAssignment(State.OpenCaseId, Opened: true, Snapshot());
    }

    public async Task InvoiceOutstandingChanged(InvoiceBalance balance)
    {
        var rows = new CommitRows();
        _exposure.Set(balance.InvoiceId, balance.Outstanding);
        if (balance.Outstanding <= 0)
        {
            if (balance is { DaysLate: > 0, PaidOn: { } paidOn } && State.LatePayments.All(p => p.InvoiceId != balance.InvoiceId))
            {
                State.LatePayments.Add(new LatePayment(balance.InvoiceId, paidOn, balance.DaysLate.Value));
                Reassess(rows, $"invoice {balance.InvoiceId} was paid {balance.DaysLate} days late");
            }
        }

        await SaveAsync(rows.CustomerChanged(Key, State, _exposure.Total, Now));
    }

    public async Task CaseReachedStage(string caseId, DunningStage stage)
    {
        if (stage < DunningStage.FinalNotice || State.FinalNotices.Any(f => f.CaseId == caseId))
        {
            return;
        }

        State.FinalNotices.Add(new FinalNotice(caseId, Today));
        var rows = new CommitRows();
        Reassess(rows, $"case {caseId} reached the final notice");
        await SaveAsync(rows.CustomerChanged(Key, State, _exposure.Total, Now));
    }

    public async Task PromiseBroken(string caseId, decimal amount, DateOnly promisedFor)
    {
        State.BrokenPromises.Add(promisedFor);
        var rows = new CommitRows().Audit("PromiseBroken", new { caseId, amount, promisedFor });
        Reassess(rows, $"a promise to pay {amount} by {promisedFor:yyyy-MM-dd} in case {caseId} was broken");
        await SaveAsync(rows.CustomerChanged(Key, State, _exposure.Total, Now));
    }

    public async Task PaymentPlanBroken(string caseId, decimal shortfall, DateOnly instalmentDate)
    {
        // A broken plan is a promise broken in instalments: the risk rule counts it the same way.
        State.BrokenPromises.Add(instalmentDate);
        var rows = new CommitRows().Audit("PaymentPlanBroken", new { caseId, shortfall, instalmentDate });
        Reassess(rows, $"a payment plan in case {caseId} broke: the instalment of {instalmentDate:yyyy-MM-dd} was {shortfall} short");
        await SaveAsync(rows.CustomerChanged(Key, State, _exposure.Total, Now));
    }

    public async Task CaseClosed(string caseId)
    {
        if (State.OpenCaseId != caseId)
        {
            return;
        }

        State.OpenCaseId = null;
        await SaveAsync(new CommitRows().Audit("CaseClosed", new { caseId }).CustomerChanged(Key, State, _exposure.Total, Now));
    }

    public Task<CustomerSnapshot?> PreviewSnapshot(IReadOnlyList<CustomerEvent> events) =>
        !RecordExists
            ? Task.FromResult<CustomerSnapshot?>(null)
            : DryRunAsync(new DryRun(Now, [], []), async () =>
            {
                foreach (var happened in events.OrderBy(e => e.At))
                {
                    DryRunning!.MoveTo(happened.At);
                    await (happened.Stage == DunningStage.None
                        ? PromiseBroken(happened.CaseId, happened.PromisedAmount, happened.PromisedFor)
                        : CaseReachedStage(happened.CaseId, happened.Stage));
                }

                return (CustomerSnapshot?)Snapshot();
            });

    public Task<CaseAssignment> PreviewAssignCase(string invoiceId, DateTimeOffset at) =>
        DryRunAsync(new DryRun(at, [], []), () => AssignCase(invoiceId));

    // Orleans wraps what a storage provider throws in an OrleansException.
    private static bool IsUniqueViolation(Exception error) =>
        (error as PostgresException ?? error.InnerException as PostgresException)?.SqlState == PostgresErrorCodes.UniqueViolation;

    private bool TryGetHeld(string orderId, out OrderRecord record)
    {
        var found = State.HeldOrders.TryGetValue(orderId, out var held);
        record = found ? new OrderRecord(held!.ContentHash, OrderStatus.OnHold, null, held.Reason, held.Total) : null!;
        return found;
    }

    private void Remember(string orderId, OrderRecord record)
    {
        if (_recentOrders.Count >= RecentOrdersKept)
        {
            _recentOrders.Clear();
        }

        _recentOrders[orderId] = record;
    }

    /// <summary>
    /// The invoice is committed with its order as a pending issue, and issued by its grain right after
    /// the write; an issue that did not get through is driven again by the next call or activation.
    /// </summary>
    private InvoiceSummary RequestInvoice(PlaceOrder order, decimal gross)
    {
        var profile = State.Profile!;
        var invoiceId = InvoiceIds.ForOrder(order.OrderId);
        var command = new IssueInvoice(
            Key, order.OrderId, Today, Today.AddDays(profile.PaymentTermDays), order.Currency, order.Lines, State.RiskProfile);
        State.Unissued[invoiceId] = command;
        _exposure.Set(invoiceId, gross);
        return InvoiceIssue.Summary(invoiceId, InvoiceIssue.NewState(invoiceId, command));
    }

    /// <summary>
    /// Issues what the state still lists as unissued. Clearing the list waits for the next write: an
    /// issue repeated after a crash is answered by the invoice as it is.
    /// </summary>
    private async Task IssuePendingAsync()
    {
        foreach (var (invoiceId, command) in State.Unissued.ToList())
        {
            await GrainFactory.GetGrain<IInvoiceGrain>(invoiceId).Issue(command);
            State.Unissued.Remove(invoiceId);
        }
    }

    /// <summary>Recomputes the risk profile from the last 12 months; a change is put on the customer's timeline with its reason.</summary>
    private void Reassess(CommitRows rows, string trigger)
    {
        // Only the last 12 months count, so older history is dropped and the state stays small.
        var since = Today.AddMonths(-12);
        State.LatePayments.RemoveAll(p => p.PaidOn <= since);
        State.FinalNotices.RemoveAll(f => f.ReachedOn <= since);
        State.BrokenPromises.RemoveAll(d => d <= since);
        var late = State.LatePayments;
        var behaviour = new PaymentBehaviour(
            late.Count,
            late.Count > 0 ? late.Max(p => p.DaysLate) : 0,
            State.FinalNotices.Count > 0,
            State.BrokenPromises.Count);
        var assessment = riskPolicy.Assess(State.Profile!.CreditScore, behaviour);
        if (assessment.Profile != State.RiskProfile || assessment.Reason != State.RiskReason)
        {
            rows.Audit("RiskProfileAssessed", new
            {
                from = State.RiskProfile,
                to = assessment.Profile,
                assessment.Rule,
                assessment.Reason,
                trigger,
                behaviour,
                creditScore = State.Profile.CreditScore,
            });
        }

        State.RiskProfile = assessment.Profile;
        State.RiskRule = assessment.Rule;
        State.RiskReason = assessment.Reason;
    }

    private CustomerSnapshot Snapshot() => new(Key, State.Profile!, State.RiskProfile, _exposure.Total, State.OpenCaseId);
}
