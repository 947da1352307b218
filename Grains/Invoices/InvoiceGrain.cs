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
/// An invoice. Two one-shot reminders watch it: the pre-due reminder (when its ladder has one)
/// and the due-date check, which makes an unpaid invoice overdue and hands it to the customer's
/// open dunning case.
/// </summary>
[GrainType("invoice")]
public sealed class InvoiceGrain(
    [PersistentState("invoice")] IPersistentState<InvoiceState> state,
    BusinessClock clock,
    DunningLadders ladders,
    MessageComposer messages) : DomainGrain<InvoiceState>(state, clock), IInvoiceGrain, IRemindable
{
    private const string PreDueReminder = "pre-due";
    private const string DueDateCheck = "due-date";

    public async Task<InvoiceSummary> Issue(IssueInvoice command)
    {
        if (RecordExists)
        {
            return Summary();
        }

        var totals = InvoicePricing.Price(command.Lines);
        State.CustomerId = command.CustomerId;
        State.OrderId = command.OrderId;
        State.Currency = command.Currency;
        State.IssueDate = command.IssueDate;
        State.DueDate = command.DueDate;
        State.Lines = [.. command.Lines];
        State.Net = totals.Net;
        State.Vat = totals.Vat;
        State.Total = totals.Gross;
        State.PaymentReference = PaymentReference.Create(Key);
        State.LadderProfile = command.LadderProfile;

        // The day after the due date is the first day the invoice is overdue.
        var rows = new CommitRows().Remind(DueDateCheck, StartOf(command.DueDate.AddDays(1)));
        if (ladders.For(command.LadderProfile).StageDueOn(command.DueDate, DunningStage.PreDueReminder) is { } preDue && preDue > command.IssueDate)
        {
            rows.Remind(PreDueReminder, StartOf(preDue));
        }

        rows.Audit("InvoiceIssued", new { command.OrderId, State.Total, State.DueDate, State.PaymentReference });
        await SaveAsync(rows.Invoice(Key, State, Now));
        return Summary();
    }

    public Task<InvoiceSummary?> Get() => Task.FromResult(RecordExists ? Summary() : null);

    public async Task<PaymentApplication> ApplyPayment(string paymentId, decimal amount, DateTimeOffset receivedAt)
    {
        if (!RecordExists)
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
            rows.Forget(PreDueReminder).Forget(DueDateCheck);
        }

        await SaveAsync(rows.Invoice(Key, State, Now));

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
        if (!RecordExists || State.Outstanding <= 0)
        {
            return;
        }

        if (reminderName == DueDateCheck)
        {
            await FallDueAsync();
        }
        else if (reminderName == PreDueReminder && !State.Disputed && !State.Overdue)
        {
            await SendPreDueReminderAsync();
        }
    }

    private async Task FallDueAsync()
    {
        // Idempotent: a redelivered tick finds the invoice overdue and only re-tells its case.
        if (!State.Overdue || State.CaseId is null)
        {
            var assignment = await GrainFactory.GetGrain<ICustomerGrain>(State.CustomerId).AssignCase(Key);
            State.Overdue = true;
            State.CaseId = assignment.CaseId;
            await SaveAsync(new CommitRows().Audit("InvoiceOverdue", new { State.DueDate, State.Outstanding, State.CaseId }).Invoice(Key, State, Now));
            await NotifyCaseAsync(assignment.Customer);
            return;
        }

        await NotifyCaseAsync(await GrainFactory.GetGrain<ICustomerGrain>(State.CustomerId).GetSnapshot());
    }

    private async Task SendPreDueReminderAsync()
    {
        var customer = await GrainFactory.GetGrain<ICustomerGrain>(State.CustomerId).GetSnapshot();
        var step = ladders.For(State.LadderProfile).StepFor(DunningStage.PreDueReminder);
        if (customer is null || step is null)
        {
            return;
        }

        var rows = new CommitRows();
        messages.Compose(rows, new DunningMessage(
            $"{Key}-pre-due", CaseId: null, InvoiceId: Key, customer, DunningStage.PreDueReminder,
            DunningLadder.ChannelsFor(step, customer.Profile.PreferredChannels), State.Currency,
            [new DunningMessageInvoice(Key, State.Outstanding, State.Currency, State.DueDate, DunningStage.PreDueReminder, State.PaymentReference)]), Now);
        await SaveAsync(rows.Audit("PreDueReminderSent", new { State.DueDate, State.Outstanding }));
    }

    private async Task SetDisputeAsync(bool disputed, string reason)
    {
        if (!RecordExists || State.Disputed == disputed)
        {
            return;
        }

        State.Disputed = disputed;
        await SaveAsync(new CommitRows().Audit(disputed ? "Disputed" : "DisputeResolved", new { reason }).Invoice(Key, State, Now));
        await NotifyCaseAsync(customer: null);
    }

    private Task NotifyCaseAsync(CustomerSnapshot? customer) =>
        State.CaseId is null
            ? Task.CompletedTask
            : GrainFactory.GetGrain<IDunningCaseGrain>(State.CaseId).Track(
                new CaseInvoiceUpdate(Key, State.DueDate, State.Currency, State.Outstanding, State.PaymentReference, State.Disputed), customer);

    private InvoiceSummary Summary() => new(
        Key, State.CustomerId, State.Currency, State.IssueDate, State.DueDate, State.Total, State.Paid, State.Outstanding, State.Status, State.PaymentReference);
}
