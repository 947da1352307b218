using System.Text.Json;
using O2C.Storage;

namespace O2C.Grains.Dunning;

internal static class CaseRows
{
    private static readonly MultiRowStatement Upsert = MultiRowStatement.Keyed(
        """
        INSERT INTO cases (case_id, customer_id, status, stage, risk_profile, ladder_profile, currency, overdue_amount, oldest_due_date,
            next_action, next_action_at, promise, invoices, opened_at, closed_at, updated_at)
        SELECT * FROM {rows}
        ON CONFLICT (case_id) DO UPDATE SET status = excluded.status, stage = excluded.stage, risk_profile = excluded.risk_profile,
            overdue_amount = excluded.overdue_amount, oldest_due_date = excluded.oldest_due_date, next_action = excluded.next_action,
            next_action_at = excluded.next_action_at, promise = excluded.promise, invoices = excluded.invoices,
            closed_at = excluded.closed_at, updated_at = excluded.updated_at
        """,
        "case_id text", "customer_id text", "status text", "stage text", "risk_profile text", "ladder_profile text", "currency text",
        "overdue_amount numeric", "oldest_due_date date", "next_action text", "next_action_at timestamptz", "promise jsonb", "invoices jsonb",
        "opened_at timestamptz", "closed_at timestamptz", "updated_at timestamptz");

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
            new Jsonb(JsonSerializer.Serialize(invoices, RowJson.Options)), s.OpenedAt, s.ClosedAt, now);
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
