using O2C.Clock;
using O2C.Grains.Common;
using O2C.Grains.Dunning;
using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Dunning;
using O2C.Grains.Interfaces.Invoices;
using O2C.Grains.Invoicing;
using O2C.Grains.Messages;
using O2C.Runtime;

namespace O2C.Grains.Invoices;

/// <summary>
/// An invoice. One one-shot reminder at a time watches it: the pre-due reminder (when its ladder
/// has one), which registers the due-date check when it fires, and the due-date check, which makes
/// an unpaid invoice overdue and hands it to the customer's open dunning case.
/// </summary>
[GrainType("invoice")]
public sealed class InvoiceGrain(
    [PersistentState(InvoiceIssue.StateName)] IPersistentState<InvoiceState> state,
    BusinessClock clock,
    DunningLadders ladders,
    MessageComposer messages) : DomainGrain<InvoiceState>(state, clock), IInvoiceGrain, IRemindable
{
    public async Task<InvoiceSummary> Issue(IssueInvoice command)
    {
        if (await ExistsAsync())
        {
            return Summary();
        }

        State = InvoiceIssue.NewState(Key, command);
        await SaveAsync(new CommitRows().IssuedInvoice(GrainId, State, ladders.For(command.LadderProfile), Now));
        return Summary();
    }

    public async Task<InvoiceSummary?> Get() => await ExistsAsync() ? Summary() : null;

    public async Task<PaymentApplication> ApplyPayment(string paymentId, decimal amount, DateTimeOffset receivedAt)
    {
        if (!await ExistsAsync())
        {
            return new PaymentApplication(Key, 0, 0, InvoiceStatus.Open);
        }

        if (State.Payments.TryGetValue(paymentId, out var earlier))
        {
            return new PaymentApplication(Key, earlier, State.Outstanding, State.Status);
        }

        var applied = Math.Min(amount, State.Outstanding);
        if (applied <= 0)
        {
            return new PaymentApplication(Key, 0, State.Outstanding, State.Status);
        }

        State.Payments[paymentId] = applied;
        var paidOn = DateOnly.FromDateTime(receivedAt.UtcDateTime);
        if (State.Outstanding == 0)
        {
            State.PaidOn = paidOn;
        }

        var rows = new CommitRows().Audit("PaymentApplied", new { paymentId, applied, outstanding = State.Outstanding, receivedAt });
        if (State.Outstanding == 0)
        {
            rows.Forget(InvoiceIssue.PreDueReminder).Forget(InvoiceIssue.DueDateCheck);
        }

        await SaveAsync(rows.InvoiceChanged(Key, State, Now));

        var daysLate = State.PaidOn is { } on ? Math.Max(0, on.DayNumber - State.DueDate.DayNumber) : (int?)null;
        await GrainFactory.GetGrain<ICustomerGrain>(State.CustomerId)
            .InvoiceOutstandingChanged(new InvoiceBalance(Key, State.Total, State.Outstanding, State.DueDate, State.PaidOn, daysLate));
        await NotifyCaseAsync(customer: null);
        return new PaymentApplication(Key, applied, State.Outstanding, State.Status);
    }

    public Task Dispute(string reason) => SetDisputeAsync(true, reason);

    public Task ResolveDispute(string reason) => SetDisputeAsync(false, reason);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!await ExistsAsync() || State.Outstanding <= 0)
        {
            return;
        }

        if (reminderName == InvoiceIssue.DueDateCheck)
        {
            await FallDueAsync();
        }
        else if (reminderName == InvoiceIssue.PreDueReminder)
        {
            await PassPreDueAsync();
        }
    }

    /// <summary>
    /// Becomes overdue and joins the customer's open case in its own transaction: the invoice row
    /// names the case and the case is woken now, so a case steps once for all invoices falling due
    /// together. A redelivered tick only wakes the case again.
    /// </summary>
    private async Task FallDueAsync()
    {
        var rows = new CommitRows();
        if (!State.Overdue || State.CaseId is null)
        {
            var assignment = await GrainFactory.GetGrain<ICustomerGrain>(State.CustomerId).AssignCase(Key);
            State.Overdue = true;
            State.CaseId = assignment.CaseId;
            rows.Audit("InvoiceOverdue", new { State.DueDate, State.Outstanding, State.CaseId });
        }

        var caseGrain = GrainFactory.GetGrain<IDunningCaseGrain>(State.CaseId).GetGrainId();
        await SaveAsync(rows.Remind(caseGrain, CaseReminders.NextStep, Now).InvoiceChanged(Key, State, Now));
    }

    /// <summary>Sends the pre-due reminder (unless disputed) and hands the watch on to the due-date check.</summary>
    private async Task PassPreDueAsync()
    {
        if (State.Overdue)
        {
            return;
        }

        var rows = new CommitRows().Remind(InvoiceIssue.DueDateCheck, InvoiceIssue.DueDateCheckAt(State));
        if (!State.Disputed
            && ladders.For(State.LadderProfile).StepFor(DunningStage.PreDueReminder) is { } step
            && await GrainFactory.GetGrain<ICustomerGrain>(State.CustomerId).GetSnapshot() is { } customer)
        {
            messages.Compose(rows, new DunningMessage(
                $"{Key}-pre-due", CaseId: null, InvoiceId: Key, customer, DunningStage.PreDueReminder,
                DunningLadder.ChannelsFor(step, customer.Profile.PreferredChannels), State.Currency,
                [new DunningMessageInvoice(Key, State.Outstanding, State.Currency, State.DueDate, DunningStage.PreDueReminder, State.PaymentReference)]), Now);
            rows.Audit("PreDueReminderSent", new { State.DueDate, State.Outstanding });
        }

        await SaveAsync(rows);
    }

    private async Task SetDisputeAsync(bool disputed, string reason)
    {
        if (!await ExistsAsync() || State.Disputed == disputed)
        {
            return;
        }

        State.Disputed = disputed;
        await SaveAsync(new CommitRows().Audit(disputed ? "Disputed" : "DisputeResolved", new { reason }).InvoiceChanged(Key, State, Now));
        await NotifyCaseAsync(customer: null);
    }

    private Task NotifyCaseAsync(CustomerSnapshot? customer) =>
        State.CaseId is null
            ? Task.CompletedTask
            : GrainFactory.GetGrain<IDunningCaseGrain>(State.CaseId).Track(
                new CaseInvoiceUpdate(Key, State.DueDate, State.Currency, State.Outstanding, State.PaymentReference, State.Disputed), customer);

    private InvoiceSummary Summary() => InvoiceIssue.Summary(Key, State);
}
