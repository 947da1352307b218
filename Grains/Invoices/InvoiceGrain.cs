using O2C.Clock;
using O2C.Grains.Common;
using O2C.Grains.Dunning;
using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Dunning;
using O2C.Grains.Interfaces.Invoices;
using O2C.Grains.Interfaces.Preview;
using O2C.Grains.Messages;
using O2C.Grains.Interfaces.Payments;
using O2C.Storage;
using O2C.Telemetry;

namespace O2C.Grains.Invoices;

/// <summary>
/// An invoice. One reminder at a time watches it: the pre-due reminder (when its ladder has one),
/// which hands the watch on to the due-date check when it fires, and the due-date check, which makes
/// an unpaid invoice overdue and hands it to the customer's open dunning case. The state decides
/// what a wake-up does, not the reminder: a tick that comes early is put back, a late one does all
/// that is due.
/// </summary>
[GrainType("invoice")]
public sealed class InvoiceGrain(
    [PersistentState(InvoiceIssue.StateName, StorageNames.Grains)] IPersistentState<InvoiceState> state,
    BusinessClock clock,
    GrainRows grainRows,
    DunningLadders ladders,
    MessageComposer messages,
    IPaymentQueueSignal paymentQueue,
    O2CMetrics metrics) : DomainGrain<InvoiceState>(state, clock, grainRows), IInvoiceGrain
{
    protected override string KeyAttribute => O2CTracing.InvoiceId;

    public async Task<InvoiceSummary> Issue(IssueInvoice command)
    {
        if (RecordExists)
        {
            return Summary();
        }

        State = InvoiceIssue.NewState(Key, command);
        await SaveAsync(new CommitRows().IssuedInvoice(Key, State, ladders.For(command.LadderProfile), Now).OnCommitted(metrics.InvoiceIssued));
        paymentQueue.InvoiceIssued(State.CustomerId, Key, State.PaymentReference);
        return Summary();
    }

    public Task<InvoiceSummary?> Get() => Task.FromResult(RecordExists ? Summary() : null);

    public async Task<PaymentApplication> ApplyPayment(ApplyPayment payment)
    {
        if (!RecordExists)
        {
            return new PaymentApplication(Key, 0, 0, InvoiceStatus.Open);
        }

        if (State.Payments.TryGetValue(payment.PaymentId, out var earlier) || State.Recoveries.TryGetValue(payment.PaymentId, out earlier))
        {
            return new PaymentApplication(Key, earlier, State.Outstanding, State.Status);
        }

        if (State.Outstanding <= 0 && State.WrittenOff > State.Recovered)
        {
            return await RecoverAsync(payment);
        }

        var applied = Math.Min(payment.Amount, State.Outstanding);
        if (applied <= 0)
        {
            return new PaymentApplication(Key, 0, State.Outstanding, State.Status);
        }

        State.Payments[payment.PaymentId] = applied;
        if (State.Outstanding == 0)
        {
            State.PaidOn = DateOnly.FromDateTime(payment.ReceivedAt.UtcDateTime);
        }

        var rows = new CommitRows().Audit("PaymentApplied", new { paymentId = payment.PaymentId, applied, outstanding = State.Outstanding, receivedAt = payment.ReceivedAt });
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

    public async Task<CaseActionResult> WriteOff(WriteOff command)
    {
        if (!RecordExists)
        {
            return CaseActionResult.Refused($"invoice {Key} does not exist");
        }

        if (State.Outstanding <= 0)
        {
            return CaseActionResult.Refused($"invoice {Key} has nothing open to write off (status {State.Status})");
        }

        if (command.Amount is { } amount && amount != State.Outstanding)
        {
            return CaseActionResult.Invalid([new CaseFieldError("amount", $"must be the rest still open, {State.Outstanding:0.00}, or left out; got {amount:0.00}")]);
        }

        var writtenOff = State.Outstanding;
        State.WrittenOff += writtenOff;
        State.WrittenOffAt = Now;
        State.WriteOffReason = command.Reason;
        await SaveAsync(new CommitRows()
            .Audit("WrittenOff", new { amount = writtenOff, reason = command.Reason, State.CaseId })
            .Forget(InvoiceIssue.PreDueReminder).Forget(InvoiceIssue.DueDateCheck)
            .InvoiceChanged(Key, State, Now));
        await GrainFactory.GetGrain<ICustomerGrain>(State.CustomerId)
            .InvoiceOutstandingChanged(new InvoiceBalance(Key, State.Total, State.Outstanding, State.DueDate, PaidOn: null, DaysLate: null));
        await NotifyCaseAsync(customer: null);
        return CaseActionResult.Ok;
    }

    public Task Dispute(string reason) => SetDisputeAsync(true, reason);

    /// <summary>Money on a written-off invoice: matched as any payment, booked as a recovery (up to what was written off).</summary>
    private async Task<PaymentApplication> RecoverAsync(ApplyPayment payment)
    {
        var recovered = Math.Min(payment.Amount, State.WrittenOff - State.Recovered);
        State.Recoveries[payment.PaymentId] = recovered;
        await SaveAsync(new CommitRows()
            .Audit("RecoveredAfterWriteOff", new { paymentId = payment.PaymentId, recovered, totalRecovered = State.Recovered, receivedAt = payment.ReceivedAt })
            .InvoiceChanged(Key, State, Now));
        return new PaymentApplication(Key, recovered, State.Outstanding, State.Status);
    }

    public Task<InvoicePreview> Preview(InvoicePreviewRequest request) =>
        !RecordExists
            ? Task.FromResult(new InvoicePreview([], null))
            : DryRunAsync(new DryRun(Now, request.Reminders, request.CustomerEvents), async () =>
            {
                await PlayUntilAsync(request.To, []);
                return new InvoicePreview([.. DryRunning!.Messages], DryRunning.Join);
            });

    public Task ResolveDispute(string reason) => SetDisputeAsync(false, reason);

    protected override async Task OnReminderAsync(string reminderName)
    {
        if (!RecordExists || State.Outstanding <= 0 || reminderName is not (InvoiceIssue.PreDueReminder or InvoiceIssue.DueDateCheck))
        {
            await ForgetAsync(reminderName);
            return;
        }

        if (reminderName == InvoiceIssue.PreDueReminder && !State.Overdue)
        {
            var preDueAt = InvoiceIssue.FirstWatch(State, ladders.For(State.LadderProfile)).At;
            if (Now < preDueAt)
            {
                await RemindAtAsync(reminderName, preDueAt);
                return;
            }

            await PassPreDueAsync();
            if (Now < InvoiceIssue.DueDateCheckAt(State))
            {
                return;
            }
        }

        var dueAt = InvoiceIssue.DueDateCheckAt(State);
        if (Now < dueAt)
        {
            await RemindAtAsync(InvoiceIssue.DueDateCheck, dueAt);
            return;
        }

        await FallDueAsync();
    }

    /// <summary>
    /// Becomes overdue and joins the customer's open case. The check is forgotten only once the case
    /// has the invoice, so a crash in between makes the check fire again and finish the hand-over.
    /// </summary>
    private async Task FallDueAsync()
    {
        CustomerSnapshot? customer = null;
        if (!State.Overdue || State.CaseId is null)
        {
            var customerGrain = GrainFactory.GetGrain<ICustomerGrain>(State.CustomerId);
            var assignment = DryRunning is null ? await customerGrain.AssignCase(Key) : await customerGrain.PreviewAssignCase(Key, Now);
            customer = assignment.Customer;
            State.Overdue = true;
            State.CaseId = assignment.CaseId;
            await SaveAsync(new CommitRows()
                .Audit("InvoiceOverdue", new { State.DueDate, State.Outstanding, State.CaseId })
                .Forget(InvoiceIssue.PreDueReminder)
                .InvoiceChanged(Key, State, Now));
        }

        customer ??= await CustomerSnapshotAsync(State.CustomerId);
        await NotifyCaseAsync(customer);
        await ForgetAsync(InvoiceIssue.DueDateCheck);
    }

    /// <summary>Sends the pre-due reminder (unless disputed) and hands the watch on to the due-date check.</summary>
    private async Task PassPreDueAsync()
    {
        var rows = new CommitRows()
            .Remind(InvoiceIssue.DueDateCheck, InvoiceIssue.DueDateCheckAt(State))
            .Forget(InvoiceIssue.PreDueReminder);
        if (!State.Disputed
            && ladders.For(State.LadderProfile).StepFor(DunningStage.PreDueReminder) is { } step
            && await CustomerSnapshotAsync(State.CustomerId) is { } customer)
        {
            Queued(messages.Compose(rows, new DunningMessage(
                $"{Key}-pre-due", CaseId: null, InvoiceId: Key, customer, DunningStage.PreDueReminder,
                DunningLadder.ChannelsFor(step, customer.Profile.PreferredChannels), State.Currency,
                [new DunningMessageInvoice(Key, State.Outstanding, State.Currency, State.DueDate, DunningStage.PreDueReminder, State.PaymentReference)]), Now));
            rows.Audit("PreDueReminderSent", new { State.DueDate, State.Outstanding });
        }

        await SaveAsync(rows);
    }

    private async Task SetDisputeAsync(bool disputed, string reason)
    {
        if (!RecordExists || State.Disputed == disputed)
        {
            return;
        }

        State.Disputed = disputed;
        await SaveAsync(new CommitRows().Audit(disputed ? "Disputed" : "DisputeResolved", new { reason }).InvoiceChanged(Key, State, Now));
        await NotifyCaseAsync(customer: null);
    }

    private Task NotifyCaseAsync(CustomerSnapshot? customer)
    {
        if (State.CaseId is null)
        {
            return Task.CompletedTask;
        }

        var update = new CaseInvoiceUpdate(Key, State.DueDate, State.Currency, State.Outstanding, State.PaymentReference, State.Disputed, State.WrittenOff > 0);
        if (DryRunning is { } dry)
        {
            // A dry run changes no other grain: the case's own dry run takes the join in.
            dry.Join = new CaseJoin(Now, State.CaseId, State.CustomerId, update);
            return Task.CompletedTask;
        }

        return GrainFactory.GetGrain<IDunningCaseGrain>(State.CaseId).Track(update, customer);
    }

    private InvoiceSummary Summary() => InvoiceIssue.Summary(Key, State);
}
