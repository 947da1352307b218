using Microsoft.Extensions.Options;
using O2C.Clock;
using O2C.Grains.Collections;
using O2C.Grains.Common;
using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Dunning;
using O2C.Grains.Interfaces.Preview;
using O2C.Grains.Messages;
using O2C.Storage;
using O2C.Telemetry;

namespace O2C.Grains.Dunning;

/// <summary>
/// One customer's open dunning case. Each invoice climbs its own ladder level (see
/// <see cref="CaseLadder"/>); each step sends one message listing every invoice with its level,
/// in the tone of the highest level. The ladder's timing is the one of the risk profile the case
/// opened with; a single one-shot reminder always points at the next step.
/// </summary>
[GrainType("case")]
public sealed partial class DunningCaseGrain(
    [PersistentState("case", StorageNames.Grains)] IPersistentState<CaseState> state,
    BusinessClock clock,
    GrainRows grainRows,
    DunningLadders ladders,
    MessageComposer messages,
    IOptions<LatePaymentInterestOptions> interest,
    IOptions<PaymentPlanOptions> plans,
    O2CMetrics metrics) : DomainGrain<CaseState>(state, clock, grainRows), IDunningCaseGrain
{
    protected override string KeyAttribute => O2CTracing.CaseId;

    private const string NextStep = CaseReminders.NextStep;

    // A step due when an invoice joins waits this long (business time), so every invoice falling due
    // at the same instant joins first and one message lists them all: Orleans delivers the ticks of
    // one instant in no order. A day's step waits as long past midnight, when invoices fall due, so
    // it never races them either: what a day sends does not depend on the order of its ticks, and a
    // preview can say it in advance. Still the same business day: due dates fall at 00:00.
    private static readonly TimeSpan JoinWindow = TimeSpan.FromSeconds(1);

    private DunningLadder Ladder => ladders.For(State.LadderProfile);

    public async Task Track(CaseInvoiceUpdate invoice, CustomerSnapshot? customer)
    {
        if (!RecordExists && customer is null)
        {
            // A change of an invoice this case never took in: the case opens with the invoice's
            // overdue hand-over, which carries the customer.
            return;
        }

        var rows = new CommitRows();
        var joined = Gather(rows, invoice, customer);

        // Invoices joining or changing are only gathered here: a step due now goes out from the
        // reminder, once, listing every invoice that fell due at the same moment.
        await ProceedAsync(rows, customer, walk: false, stepDelay: joined ? JoinWindow : TimeSpan.Zero);
    }

    public async Task<CaseActionResult> AddNote(string text)
    {
        if (!RecordExists)
        {
            return CaseActionResult.Refused($"case {Key} does not exist");
        }

        await SaveAsync(new CommitRows().Audit("NoteAdded", new { text }).Case(Key, State, NextAction(), Now));
        return CaseActionResult.Ok;
    }

    public Task<CaseActionResult> PromiseToPay(decimal amount, DateOnly date) => PromiseToPay(amount, date, replaces: false);

    public async Task<CaseActionResult> PromiseToPay(decimal amount, DateOnly date, bool replaces)
    {
        if (Refusal() is { } refused)
        {
            return refused;
        }

        if (date < Today)
        {
            return CaseActionResult.Refused($"the promised date {date:yyyy-MM-dd} is before today ({Today:yyyy-MM-dd})");
        }

        var rows = new CommitRows();
        if (StartHold(rows, HoldKind.Promise, $"{amount:0.00} by {date:yyyy-MM-dd}", replaces) is { } conflict)
        {
            return conflict;
        }

        State.Promise = new PromiseToPay(amount, date, Today, OpenOutstanding());
        State.Status = CaseStatus.Paused;
        // The ladder waits until the promised day has passed.
        State.NextStepAt = StepOn(date.AddDays(1));
        rows.Audit("PromiseMade", State.Promise).Remind(NextStep, State.NextStepAt.Value);
        await SaveAsync(rows.Case(Key, State, NextAction(), Now));
        return CaseActionResult.Ok;
    }

    public async Task<CaseActionResult> Escalate()
    {
        if (Refusal() is { } refused)
        {
            return refused;
        }

        if (State.Status == CaseStatus.Paused)
        {
            return CaseActionResult.Refused($"the ladder is on hold: {NextAction()}");
        }

        var advances = new List<InvoiceAdvance>();
        foreach (var invoice in State.Invoices.Values.Where(i => i.Outstanding > 0 && !i.Disputed).ToList())
        {
            if (Ladder.NextPostDueStep(invoice.Level) is { } next)
            {
                advances.Add(new InvoiceAdvance(invoice.InvoiceId, invoice.Level, next.Stage));
                State.Invoices[invoice.InvoiceId] = invoice with { Level = next.Stage, LevelReachedOn = Today };
            }
        }

        if (advances.Count == 0)
        {
            return CaseActionResult.Refused("no invoice in the case can be escalated further");
        }

        var rows = new CommitRows().Audit("Escalated", new { advances });
        await ProceedAsync(rows, customer: null, advances);
        return CaseActionResult.Ok;
    }

    public Task<bool> Exists() => Task.FromResult(RecordExists);

    public Task<CasePreview> Preview(CasePreviewRequest request) =>
        DryRunAsync(new DryRun(Now, request.Reminders, []), async () =>
        {
            // Each joining invoice brings the customer as it would be then: after what this case told it so far.
            await PlayUntilAsync(request.To, request.Joins.Select(join => (join.At, (Func<Task>)(async () =>
                await Track(join.Invoice, await CustomerSnapshotAsync(join.CustomerId))))));
            var customerId = State.CustomerId.Length > 0 ? State.CustomerId : request.Joins.Count > 0 ? request.Joins[0].CustomerId : "";
            return new CasePreview(customerId, [.. DryRunning!.Messages], [.. DryRunning.Told]);
        });

    protected override async Task OnReminderAsync(string reminderName)
    {
        if (reminderName != NextStep || !RecordExists || State.NextStepAt is not { } due)
        {
            await ForgetAsync(reminderName);
            return;
        }

        if (Now < due)
        {
            // Early (a reminder moved while it was firing): the state says when.
            await RemindAtAsync(NextStep, due);
            return;
        }

        await ProceedAsync(new CommitRows(), customer: null);
    }

    /// <summary>
    /// Takes an invoice into the case, or its change (paid, disputed); opens the case with its
    /// customer first. True when the invoice joined.
    /// </summary>
    private bool Gather(CommitRows rows, CaseInvoiceUpdate invoice, CustomerSnapshot? customer)
    {
        if (!RecordExists && State.CustomerId.Length == 0)
        {
            ArgumentNullException.ThrowIfNull(customer);
            State.CustomerId = customer.CustomerId;
            State.Currency = invoice.Currency;
            State.LadderProfile = customer.RiskProfile;
            State.OpenedAt = Now;
            rows.Audit("CaseOpened", new { customer.CustomerId, ladderProfile = customer.RiskProfile });
            var profile = customer.RiskProfile.ToString();
            rows.OnCommitted(() => metrics.CaseOpened(profile));
        }

        if (customer is not null)
        {
            State.RiskProfile = customer.RiskProfile;
            State.Country = customer.Profile.Country;
        }

        if (State.Invoices.TryGetValue(invoice.InvoiceId, out var known))
        {
            if (known.Outstanding != invoice.Outstanding || known.Disputed != invoice.Disputed || known.WrittenOff != invoice.WrittenOff)
            {
                State.Invoices[invoice.InvoiceId] = known with { Outstanding = invoice.Outstanding, Disputed = invoice.Disputed, WrittenOff = invoice.WrittenOff };
                rows.Audit(InvoiceChange(known, invoice), new { invoice.InvoiceId, outstanding = invoice.Outstanding, invoice.Disputed });
                if (!invoice.WrittenOff && known.Outstanding > invoice.Outstanding)
                {
                    Received(rows, known, known.Outstanding - invoice.Outstanding);
                }
            }

            return false;
        }

        if (invoice.WrittenOff)
        {
            return false;
        }

        State.Invoices[invoice.InvoiceId] = new CaseInvoiceState(
            invoice.InvoiceId, invoice.DueDate, invoice.Currency, invoice.Outstanding, invoice.PaymentReference, invoice.Disputed, DunningStage.None, null,
            Principal: invoice.Outstanding, Payments: []);
        rows.Audit("InvoiceJoined", new { invoice.InvoiceId, invoice.DueDate, invoice.Outstanding });
        if (State.Status == CaseStatus.Closed)
        {
            State.Status = CaseStatus.Open;
            State.ClosedAt = null;
            var profile = State.RiskProfile.ToString();
            rows.OnCommitted(() => metrics.CaseOpened(profile));
        }

        return true;
    }

    /// <summary>Closes, waits on a promise, or walks the ladder as far as today allows; then points the reminder at the next step.</summary>
    private async Task ProceedAsync(
        CommitRows rows, CustomerSnapshot? customer, IReadOnlyList<InvoiceAdvance>? forced = null, bool walk = true, TimeSpan stepDelay = default)
    {
        if (State.Status == CaseStatus.Closed)
        {
            await SaveAsync(rows.Case(Key, State, NextAction(), Now));
            return;
        }

        if (OpenOutstanding() <= 0)
        {
            await CloseAsync(rows);
            return;
        }

        if (State.Status == CaseStatus.InCollection)
        {
            await SaveAsync(rows.Case(Key, State, NextAction(), Now));
            return;
        }

        var brokenPromise = SettlePromise(rows);
        var brokenPlan = SettlePlan(rows);
        if (State.Status == CaseStatus.Paused)
        {
            // A wake-up may have taken the reminder's place: point it at the hold's next look again.
            State.NextStepAt = StepOn(State.Plan is { } plan ? plan.NextWatchOn(Today, plans.Value.GraceDays) : State.Promise!.Date.AddDays(1));
            await SaveAsync(rows.Remind(NextStep, State.NextStepAt.Value).Case(Key, State, NextAction(), Now));
            return;
        }

        var evaluation = CaseLadder.Evaluate(Ladder, State.Invoices.Values.Select(ToLadder), Today);
        if (!walk)
        {
            await ScheduleAsync(rows, evaluation.MessageDue ? Now + stepDelay : evaluation.NextAdvanceOn is { } day ? StepOn(day) : null, brokenPromise, brokenPlan);
            return;
        }

        var advances = forced ?? evaluation.Advances;
        if (forced is null)
        {
            foreach (var advanced in evaluation.Invoices.Where(i => evaluation.Advances.Any(a => a.InvoiceId == i.InvoiceId)))
            {
                State.Invoices[advanced.InvoiceId] = State.Invoices[advanced.InvoiceId] with { Level = advanced.Level, LevelReachedOn = advanced.LevelReachedOn };
            }
        }

        var open = State.Invoices.Values.Where(i => i.Outstanding > 0 && !i.Disputed).ToList();
        State.Stage = open.Count > 0 ? open.Max(i => i.Level) : DunningStage.None;
        if (advances.Count > 0)
        {
            customer ??= await CustomerSnapshotAsync(State.CustomerId);
            State.RiskProfile = customer!.RiskProfile;
            SendStep(rows, customer, open, advances);
        }

        // Only invoices that climbed the whole ladder are handed over; a late joiner keeps walking it.
        var handedOver = advances.Where(a => a.To == DunningStage.Collection).Select(a => a.InvoiceId).ToList();
        if (handedOver.Count > 0)
        {
            rows.HandedOver(handedOver).Audit("HandedOverToCollection", new { invoiceIds = handedOver, overdue = OpenOutstanding() });
        }

        if (open.Count > 0 && open.All(i => i.Level == DunningStage.Collection))
        {
            State.Status = CaseStatus.InCollection;
            State.NextStepAt = null;
            rows.Forget(NextStep);
            HandOver(rows, open);
        }
        else
        {
            var next = CaseLadder.Evaluate(Ladder, State.Invoices.Values.Select(ToLadder), Today).NextAdvanceOn;
            State.NextStepAt = next is { } day ? StepOn(day) : null;
            if (State.NextStepAt is { } at)
            {
                rows.Remind(NextStep, at);
            }
            else
            {
                rows.Forget(NextStep);
            }
        }

        await SaveAsync(rows.Case(Key, State, NextAction(), Now));

        await TellBrokenAsync(brokenPromise, brokenPlan);

        if (advances.Count > 0 && State.Stage >= DunningStage.FinalNotice)
        {
            if (DryRunning is { } dry)
            {
                dry.Told.Add(new CustomerEvent(Now, Key, State.Stage, 0, default));
            }
            else
            {
                await GrainFactory.GetGrain<ICustomerGrain>(State.CustomerId).CaseReachedStage(Key, State.Stage);
            }
        }
    }

    private async Task ScheduleAsync(CommitRows rows, DateTimeOffset? nextStepAt, PromiseToPay? brokenPromise, PaymentPlanStatus? brokenPlan)
    {
        var open = State.Invoices.Values.Where(i => i.Outstanding > 0 && !i.Disputed).ToList();
        State.Stage = open.Count > 0 ? open.Max(i => i.Level) : DunningStage.None;
        State.NextStepAt = nextStepAt;
        if (nextStepAt is { } at)
        {
            rows.Remind(NextStep, at);
        }
        else
        {
            rows.Forget(NextStep);
        }

        await SaveAsync(rows.Case(Key, State, NextAction(), Now));
        await TellBrokenAsync(brokenPromise, brokenPlan);
    }

    /// <summary>A broken promise or plan counts against the customer's risk profile.</summary>
    private async Task TellBrokenAsync(PromiseToPay? brokenPromise, PaymentPlanStatus? brokenPlan)
    {
        if (brokenPromise is not null)
        {
            await TellBrokenAsync(brokenPromise.Amount, brokenPromise.Date, plan: false);
        }

        if (brokenPlan is { MissedInstalment: not null })
        {
            await TellBrokenAsync(brokenPlan.Shortfall, brokenPlan.BrokenOn!.Value.AddDays(-(plans.Value.GraceDays + 1)), plan: true);
        }
    }

    // A dry run changes no other grain: the customer's own dry run takes the broken promise in (a broken
    // plan weighs on the risk profile as a broken promise on the missed instalment's day).
    private Task TellBrokenAsync(decimal amount, DateOnly date, bool plan)
    {
        if (DryRunning is { } dry)
        {
            dry.Told.Add(new CustomerEvent(Now, Key, DunningStage.None, amount, date));
            return Task.CompletedTask;
        }

        var customer = GrainFactory.GetGrain<ICustomerGrain>(State.CustomerId);
        return plan ? customer.PaymentPlanBroken(Key, amount, date) : customer.PromiseBroken(Key, amount, date);
    }

    private void SendStep(CommitRows rows, CustomerSnapshot customer, List<CaseInvoiceState> open, IReadOnlyList<InvoiceAdvance> advances)
    {
        var step = Ladder.StepFor(State.Stage)!;
        State.Messages++;
        var sent = Queued(messages.Compose(rows, new DunningMessage(
            $"{Key}-m{State.Messages}", Key, InvoiceId: null, customer, State.Stage,
            DunningLadder.ChannelsFor(step, customer.Profile.PreferredChannels), State.Currency,
            open.OrderBy(i => i.DueDate)
                .Select(i => new DunningMessageInvoice(
                    i.InvoiceId, i.Outstanding, i.Currency, i.DueDate, i.Level, i.PaymentReference, CaseInterest.For(interest.Value, State.Country, i, Today)))
                .ToList()), Now));
        rows.Audit("StageSent", new { stage = State.Stage, tone = customer.RiskProfile, channels = sent, advances });
        rows.InvoiceLevels(advances.Select(a => State.Invoices[a.InvoiceId]).ToList());
    }

    /// <summary>A promise is kept when enough was paid, broken when its day passed without that; either way the ladder resumes.</summary>
    private PromiseToPay? SettlePromise(CommitRows rows)
    {
        if (State.Promise is not { } promise)
        {
            return null;
        }

        if (promise.OutstandingWhenMade - OpenOutstanding() >= promise.Amount)
        {
            rows.Audit("PromiseKept", promise);
        }
        else if (Today <= promise.Date)
        {
            State.Status = CaseStatus.Paused;
            return null;
        }
        else
        {
            rows.Audit("PromiseBroken", promise);
            State.BrokenPromises++;
        }

        State.Promise = null;
        State.Status = CaseStatus.Open;
        return Today > promise.Date && promise.OutstandingWhenMade - OpenOutstanding() < promise.Amount ? promise : null;
    }

    private async Task CloseAsync(CommitRows rows)
    {
        var (stage, profile) = (State.Stage.ToString(), State.RiskProfile.ToString());
        rows.OnCommitted(() => metrics.CaseClosed(stage, profile));
        State.Status = CaseStatus.Closed;
        State.Stage = DunningStage.None;
        State.ClosedAt = Now;
        State.NextStepAt = null;
        State.Promise = null;
        if (State.Plan is { } plan)
        {
            rows.Audit("PaymentPlanCompleted", new { plan.AgreedOn, instalments = plan.Instalments.Count, reason = "every instalment paid: the plan was kept" });
            State.Plan = null;
        }

        await SaveAsync(rows.Forget(NextStep).Audit("CaseClosed", new { reason = "nothing outstanding" }).Case(Key, State, NextAction(), Now));
        if (DryRunning is null)
        {
            await GrainFactory.GetGrain<ICustomerGrain>(State.CustomerId).CaseClosed(Key);
        }
    }

    private CaseActionResult? Refusal() =>
        !RecordExists ? CaseActionResult.Refused($"case {Key} does not exist")
        : State.Status == CaseStatus.Closed ? CaseActionResult.Refused($"case {Key} is closed")
        : State.Status == CaseStatus.InCollection ? CaseActionResult.Refused($"case {Key} was handed over to collection")
        : null;

    private decimal OpenOutstanding() => State.Invoices.Values.Sum(i => Math.Max(0, i.Outstanding));

    private string? NextAction() => State.Status switch
    {
        CaseStatus.Closed => null,
        CaseStatus.InCollection => "With the collection agency",
        CaseStatus.Paused when State.Plan is { } plan => PlanAction(plan),
        CaseStatus.Paused => $"Promise to pay {State.Promise!.Amount} by {State.Promise.Date:yyyy-MM-dd}",
        _ => State.Invoices.Values.Where(i => i.Outstanding > 0 && !i.Disputed)
                .Select(i => Ladder.NextPostDueStep(i.Level)?.Stage).OfType<DunningStage>().DefaultIfEmpty().Min() is var stage and not DunningStage.None
            ? stage.ToString()
            : null,
    };

    /// <summary>When a step due on <paramref name="day"/> runs: just after that day's invoices fell due.</summary>
    private static DateTimeOffset StepOn(DateOnly day) => StartOf(day) + JoinWindow;

    private static CaseInvoice ToLadder(CaseInvoiceState i) => new(i.InvoiceId, i.DueDate, i.Level, i.LevelReachedOn, i.Outstanding, i.Disputed);

    private static string InvoiceChange(CaseInvoiceState before, CaseInvoiceUpdate after) =>
        after.WrittenOff && !before.WrittenOff ? "InvoiceWrittenOff"
        : before.Disputed != after.Disputed ? (after.Disputed ? "InvoiceDisputed" : "InvoiceDisputeResolved")
        : after.Outstanding <= 0 ? "InvoicePaid"
        : "InvoicePartiallyPaid";
}
