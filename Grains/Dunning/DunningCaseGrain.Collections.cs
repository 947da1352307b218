using O2C.Grains.Collections;
using O2C.Grains.Interfaces.Dunning;
using O2C.Storage;

namespace O2C.Grains.Dunning;

/// <summary>
/// The collections side of a case (issue 15): payment plans under the one hold state machine,
/// late-payment interest on its invoices, and the handover to the collection agency.
/// </summary>
public sealed partial class DunningCaseGrain
{
    public async Task<CaseActionResult> AgreePaymentPlan(PaymentPlanRequest plan)
    {
        if (Refusal() is { } refused)
        {
            return refused;
        }

        var instalments = plan.Instalments.Select(i => i is null ? null! : new Instalment(i.Date, i.Amount)).ToList();
        var errors = PaymentPlan.Validate(OpenOutstanding(), instalments, Today, plans.Value);
        if (errors.Count > 0)
        {
            return CaseActionResult.Invalid(errors.Select(e => new CaseFieldError(e.Field, e.Message)).ToList());
        }

        var reason = string.IsNullOrWhiteSpace(plan.Reason) ? $"{instalments.Count} instalments" : plan.Reason;
        var rows = new CommitRows();
        if (StartHold(rows, HoldKind.Plan, reason, plan.Replaces) is { } conflict)
        {
            return conflict;
        }

        State.Promise = null;
        State.Plan = new CasePaymentPlan(Today, OpenOutstanding(), instalments, [], reason);
        State.Status = CaseStatus.Paused;
        State.NextStepAt = StartOf(State.Plan.NextWatchOn(Today, plans.Value.GraceDays));
        rows.Audit("PaymentPlanAgreed", new { State.Plan.OpenAmount, instalments = State.Plan.Instalments, reason, plans.Value.GraceDays })
            .Remind(NextStep, State.NextStepAt.Value);
        await SaveAsync(rows.Case(Key, State, NextAction(), Now));
        return CaseActionResult.Ok;
    }

    public Task<InvoiceInterest?> Interest(string invoiceId)
    {
        if (!RecordExists || !State.Invoices.TryGetValue(invoiceId, out var invoice)
            || CaseInterest.For(interest.Value, State.Country, invoice, Today) is not { } statement)
        {
            return Task.FromResult<InvoiceInterest?>(null);
        }

        var rules = interest.Value.RulesFor(State.Country!)!;
        return Task.FromResult<InvoiceInterest?>(new InvoiceInterest(
            invoiceId, statement.Country, statement.LegalBasis, statement.AsOf, statement.OpenPrincipal, statement.Interest, statement.Compensation,
            statement.CompensationCurrency, statement.Claimed, rules.ClaimFromStage, statement.TotalClaimable));
    }

    public async Task<CaseActionResult> Assign(string collector)
    {
        if (Refusal() is { } refused)
        {
            return refused;
        }

        if (State.Collector != collector)
        {
            var previous = State.Collector;
            State.Collector = collector;
            await SaveAsync(new CommitRows().Audit("Assigned", new { collector, previous }).Case(Key, State, NextAction(), Now));
        }

        return CaseActionResult.Ok;
    }

    public async Task<CaseActionResult> AcknowledgeHandover(string handoverId)
    {
        if (!RecordExists || State.Handover is not { } handover || handover.HandoverId != handoverId)
        {
            return CaseActionResult.Refused($"handover {handoverId} does not belong to case {Key}");
        }

        if (handover.AcknowledgedAt is null)
        {
            State.Handover = handover with { AcknowledgedAt = Now };
            await SaveAsync(new CommitRows().Audit("HandoverAcknowledged", new { handoverId }).Handover(Key, State, Now).Case(Key, State, NextAction(), Now));
        }

        return CaseActionResult.Ok;
    }

    /// <summary>
    /// Starts a hold through the one state machine; a conflict when another runs and the request does
    /// not replace it. A replaced promise or plan simply stops (it was neither kept nor broken).
    /// </summary>
    private CaseActionResult? StartHold(CommitRows rows, HoldKind kind, string reason, bool replaces)
    {
        var transition = CaseHolds.Of(State).Start(kind, Today, reason, replaces);
        if (!transition.Accepted)
        {
            return CaseActionResult.Refused(transition.Message);
        }

        if (transition.Ended is { } ended)
        {
            rows.Audit("HoldReplaced", new { ended = ended.ToString(), by = kind.ToString(), reason = transition.Message });
            State.Promise = null;
            State.Plan = null;
        }

        return null;
    }

    /// <summary>Money came in on an invoice: lowers its interest base from today, counts for a plan, and is reported to the agency after handover.</summary>
    private void Received(CommitRows rows, CaseInvoiceState known, decimal amount)
    {
        var payment = new PaymentReceived(Today, amount);
        State.Invoices[known.InvoiceId] = State.Invoices[known.InvoiceId] with { Payments = [.. known.Payments ?? [], payment] };
        if (State.Plan is { } plan)
        {
            State.Plan = plan with { Payments = [.. plan.Payments, payment] };
            var status = State.Plan.Watch(Today, plans.Value.GraceDays);
            rows.Audit("PlanPaymentReceived", new { invoiceId = known.InvoiceId, amount, status = status.State.ToString(), reason = status.Reason });
        }

        if (State.Status == CaseStatus.InCollection && State.Handover is { } handover)
        {
            State.Handover = handover with { PaymentsAfter = [.. handover.PaymentsAfter, payment] };
            rows.Audit("PaidAfterHandover", new { handover.HandoverId, invoiceId = known.InvoiceId, amount });
            rows.Handover(Key, State, Now);
        }
    }

    /// <summary>
    /// Judges the running plan today: kept (every instalment paid) ends it; broken (an instalment short
    /// after its grace) ends it and the ladder resumes now; otherwise the case stays paused. Returns the
    /// broken plan's status, which counts against the customer's risk profile.
    /// </summary>
    private PaymentPlanStatus? SettlePlan(CommitRows rows)
    {
        if (State.Plan is not { } plan)
        {
            return null;
        }

        var status = plan.Watch(Today, plans.Value.GraceDays);
        switch (status.State)
        {
            case PlanState.Completed:
                rows.Audit("PaymentPlanCompleted", new { plan.AgreedOn, reason = status.Reason });
                break;
            case PlanState.Broken:
                rows.Audit("PaymentPlanBroken", new { plan.AgreedOn, status.MissedInstalment, status.Shortfall, status.BrokenOn, reason = $"the ladder resumes: {status.Reason}" });
                State.BrokenPlans++;
                break;
            default:
                State.Status = CaseStatus.Paused;
                return null;
        }

        State.Plan = null;
        State.Status = CaseStatus.Open;
        return status.State == PlanState.Broken ? status : null;
    }

    /// <summary>The ladder ended: the case goes to the collection agency with each invoice's figures of today.</summary>
    private void HandOver(CommitRows rows, IReadOnlyList<CaseInvoiceState> open)
    {
        var invoices = open.OrderBy(i => i.DueDate).Select(i =>
        {
            var statement = CaseInterest.For(interest.Value, State.Country, i, Today);
            var compensation = statement is null || !string.Equals(statement.CompensationCurrency, i.Currency, StringComparison.OrdinalIgnoreCase) ? 0m : statement.Compensation;
            var owed = statement?.Interest ?? 0m;
            return new HandoverInvoice(i.InvoiceId, i.DueDate, i.PaymentReference, i.Outstanding, owed, compensation, i.Outstanding + owed + compensation, statement?.LegalBasis);
        }).ToList();
        // A case reopened by a new invoice may reach the end of its ladder again: a new handover each time.
        var id = State.Handover?.HandoverId;
        var number = id is null ? 1 : int.Parse(id[(id.LastIndexOf("-h", StringComparison.Ordinal) + 2)..], System.Globalization.CultureInfo.InvariantCulture) + 1;
        State.Handover = new CaseHandover($"{Key}-h{number}", Now, null, invoices, []);
        rows.Handover(Key, State, Now);
    }

    private static string PlanAction(CasePaymentPlan plan) =>
        $"Payment plan of {plan.Instalments.Count} instalments agreed {plan.AgreedOn:yyyy-MM-dd}, last due {plan.Instalments[^1].Date:yyyy-MM-dd}";
}
