using System.Text.Json;
using O2C.Storage;

namespace O2C.Grains.Invoices;

internal static class InvoiceRows
{
    // An invoice is issued once: a plain insert (an upsert's speculative insertion cost half again
    // as much per row), and an invoice id taken already fails the write instead of overwriting it.
    private static readonly MultiRowStatement Insert = MultiRowStatement.Appended(
        """
        INSERT INTO invoices (invoice_id, customer_id, order_id, currency, issue_date, due_date, net, vat, total, paid, outstanding, status,
            payment_reference, case_id, lines, paid_at, updated_at)
        SELECT * FROM {rows}
        """,
        "invoice_id text", "customer_id text", "order_id text", "currency text", "issue_date date", "due_date date", "net numeric",
        "vat numeric", "total numeric", "paid numeric", "outstanding numeric", "status text", "payment_reference text", "case_id text",
        "lines jsonb", "paid_at timestamptz", "updated_at timestamptz");

    // A change after issue (payment, overdue, dispute) sends only the columns that move, so the
    // lines and totals are not sent and parsed again on every change. InCollection is set on the
    // row by the dunning case at handover; a change keeps it while money is still owed and the
    // invoice is not disputed.
    private static readonly MultiRowStatement Change = MultiRowStatement.Keyed(
        """
        UPDATE invoices i SET paid = v.paid, outstanding = v.outstanding,
            status = CASE WHEN i.status = 'InCollection' AND v.outstanding > 0 AND v.status <> 'Disputed' THEN 'InCollection' ELSE v.status END,
            case_id = v.case_id, paid_at = v.paid_at, updated_at = v.updated_at, written_off = v.written_off, recovered = v.recovered,
            written_off_at = v.written_off_at, write_off_reason = v.write_off_reason
        FROM {rows} WHERE i.invoice_id = v.invoice_id
        """,
        "invoice_id text", "paid numeric", "outstanding numeric", "status text", "case_id text", "paid_at timestamptz", "updated_at timestamptz",
        "written_off numeric", "recovered numeric", "written_off_at timestamptz", "write_off_reason text");

    public static CommitRows Invoice(this CommitRows rows, string invoiceId, InvoiceState s, DateTimeOffset now) => rows.Project(
        Insert,
        invoiceId, s.CustomerId, s.OrderId, s.Currency, s.IssueDate, s.DueDate, s.Net, s.Vat, s.Total, s.Paid, s.Outstanding,
        s.Status.ToString(), s.PaymentReference, s.CaseId, new Jsonb(JsonSerializer.Serialize(s.Lines, RowJson.Options)), PaidAt(s), now);

    public static CommitRows InvoiceChanged(this CommitRows rows, string invoiceId, InvoiceState s, DateTimeOffset now) => rows.Project(
        Change, invoiceId, s.Paid, s.Outstanding, s.Status.ToString(), s.CaseId, PaidAt(s), now, s.WrittenOff, s.Recovered, s.WrittenOffAt, s.WriteOffReason);

    private static DateTimeOffset? PaidAt(InvoiceState s) =>
        s.PaidOn is { } paidOn ? new DateTimeOffset(paidOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
}
