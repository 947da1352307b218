using System.Text.Json;
using O2C.Storage;

namespace O2C.Grains.Dunning;

internal static class CaseRows
{
    private static readonly MultiRowStatement Upsert = MultiRowStatement.Keyed(
        """
        INSERT INTO cases (case_id, customer_id, status, stage, risk_profile, ladder_profile, currency, overdue_amount, oldest_due_date,
            next_action, next_action_at, promise, invoices, opened_at, closed_at, updated_at, hold, payment_plan, broken_promises, broken_plans, collector)
        SELECT * FROM {rows}
        ON CONFLICT (case_id) DO UPDATE SET status = excluded.status, stage = excluded.stage, risk_profile = excluded.risk_profile,
            overdue_amount = excluded.overdue_amount, oldest_due_date = excluded.oldest_due_date, next_action = excluded.next_action,
            next_action_at = excluded.next_action_at, promise = excluded.promise, invoices = excluded.invoices,
            closed_at = excluded.closed_at, updated_at = excluded.updated_at, hold = excluded.hold, payment_plan = excluded.payment_plan,
            broken_promises = excluded.broken_promises, broken_plans = excluded.broken_plans, collector = excluded.collector
        """,
        "case_id text", "customer_id text", "status text", "stage text", "risk_profile text", "ladder_profile text", "currency text",
        "overdue_amount numeric", "oldest_due_date date", "next_action text", "next_action_at timestamptz", "promise jsonb", "invoices jsonb",
        "opened_at timestamptz", "closed_at timestamptz", "updated_at timestamptz", "hold text", "payment_plan jsonb", "broken_promises int",
        "broken_plans int", "collector text");

    // The figures are those of the day of handover; later changes touch only what was paid after and the status.
    private static readonly MultiRowStatement HandoverUpsert = MultiRowStatement.Keyed(
        """
        INSERT INTO handovers (handover_id, case_id, customer_id, status, country, currency, principal, interest, compensation, total_claimed,
            paid_after, invoices, payments_after, handed_over_at, acknowledged_at, updated_at)
        SELECT * FROM {rows}
        ON CONFLICT (handover_id) DO UPDATE SET status = excluded.status, paid_after = excluded.paid_after,
            payments_after = excluded.payments_after, acknowledged_at = excluded.acknowledged_at, updated_at = excluded.updated_at
        """,
        "handover_id text", "case_id text", "customer_id text", "status text", "country text", "currency text", "principal numeric",
        "interest numeric", "compensation numeric", "total_claimed numeric", "paid_after numeric", "invoices jsonb", "payments_after jsonb",
        "handed_over_at timestamptz", "acknowledged_at timestamptz", "updated_at timestamptz");

    private static readonly MultiRowStatement Level = MultiRowStatement.Keyed(
        "UPDATE invoices i SET dunning_level = v.dunning_level FROM {rows} WHERE i.invoice_id = v.invoice_id",
        "invoice_id text", "dunning_level text");

    public static CommitRows Case(this CommitRows rows, string caseId, CaseState s, string? nextAction, DateTimeOffset now)
    {
        var open = s.Invoices.Values.Where(i => i.Outstanding > 0).ToList();
        var invoices = s.Invoices.Values.OrderBy(i => i.DueDate).Select(i => new
        {
            i.InvoiceId, i.DueDate, i.Outstanding, i.Currency, level = i.Level.ToString(), i.Disputed, i.PaymentReference,
        });
        return rows.Project(
            Upsert,
            caseId, s.CustomerId, s.Status.ToString(), s.Stage.ToString(), s.RiskProfile.ToString(), s.LadderProfile.ToString(), s.Currency,
            open.Sum(i => i.Outstanding), open.Count > 0 ? open.Min(i => i.DueDate) : null, nextAction, s.NextStepAt,
            s.Promise is null ? null : new Jsonb(JsonSerializer.Serialize(s.Promise, RowJson.Options)),
            new Jsonb(JsonSerializer.Serialize(invoices, RowJson.Options)), s.OpenedAt, s.ClosedAt, now, CaseHolds.Of(s).Kind?.ToString(),
            s.Plan is null ? null : new Jsonb(JsonSerializer.Serialize(s.Plan, RowJson.Options)), s.BrokenPromises, s.BrokenPlans, s.Collector);
    }

    public static CommitRows Handover(this CommitRows rows, string caseId, CaseState s, DateTimeOffset now)
    {
        var handover = s.Handover!;
        var invoices = handover.Invoices;
        var paidAfter = handover.PaymentsAfter.Sum(p => p.Amount);
        return rows.Project(
            HandoverUpsert,
            handover.HandoverId, caseId, s.CustomerId, handover.AcknowledgedAt is null ? "New" : "Acknowledged", s.Country, s.Currency,
            invoices.Sum(i => i.Principal), invoices.Sum(i => i.Interest), invoices.Sum(i => i.Compensation), invoices.Sum(i => i.TotalClaimed), paidAfter,
            new Jsonb(JsonSerializer.Serialize(invoices, RowJson.Options)), new Jsonb(JsonSerializer.Serialize(handover.PaymentsAfter, RowJson.Options)),
            handover.HandedOverAt, handover.AcknowledgedAt, now);
    }

    public static CommitRows InvoiceLevels(this CommitRows rows, IReadOnlyCollection<CaseInvoiceState> invoices)
    {
        foreach (var invoice in invoices)
        {
            rows.Project(Level, invoice.InvoiceId, invoice.Level.ToString());
        }

        return rows;
    }

    public static CommitRows HandedOver(this CommitRows rows, IEnumerable<string> invoiceIds) => rows.Project(
        "UPDATE invoices SET status = 'InCollection' WHERE invoice_id = ANY($1) AND outstanding > 0 AND status <> 'Disputed'",
        [invoiceIds.ToArray()]);
}
