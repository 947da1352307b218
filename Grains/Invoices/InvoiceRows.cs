using System.Text.Json;
using O2C.Runtime;

namespace O2C.Grains.Invoices;

internal static class InvoiceRows
{
    // InCollection is set on the row by the dunning case at handover; an invoice write keeps it
    // while money is still owed and the invoice is not disputed.
    public static CommitRows Invoice(this CommitRows rows, string invoiceId, InvoiceState s, DateTimeOffset now) => rows.Project(
        """
        INSERT INTO invoices (invoice_id, customer_id, order_id, currency, issue_date, due_date, net, vat, total, paid, outstanding, status,
            payment_reference, case_id, lines, paid_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
        ON CONFLICT (invoice_id) DO UPDATE SET paid = excluded.paid, outstanding = excluded.outstanding,
            status = CASE WHEN invoices.status = 'InCollection' AND excluded.outstanding > 0 AND excluded.status <> 'Disputed'
                          THEN 'InCollection' ELSE excluded.status END,
            case_id = excluded.case_id, paid_at = excluded.paid_at, updated_at = excluded.updated_at
        """,
        invoiceId, s.CustomerId, s.OrderId, s.Currency, s.IssueDate, s.DueDate, s.Net, s.Vat, s.Total, s.Paid, s.Outstanding,
        s.Status.ToString(), s.PaymentReference, s.CaseId, new Jsonb(JsonSerializer.Serialize(s.Lines, RowJson.Options)),
        s.PaidOn is { } paidOn ? new DateTimeOffset(paidOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null, now);

    /// <summary>
    /// A change after issue (payment, overdue, dispute): only the columns that move, so the
    /// lines and totals are not sent and parsed again on every change.
    /// </summary>
    public static CommitRows InvoiceChanged(this CommitRows rows, string invoiceId, InvoiceState s, DateTimeOffset now) => rows.Project(
        """
        UPDATE invoices SET paid = $2, outstanding = $3,
            status = CASE WHEN status = 'InCollection' AND $3 > 0 AND $4 <> 'Disputed' THEN 'InCollection' ELSE $4 END,
            case_id = $5, paid_at = $6, updated_at = $7
        WHERE invoice_id = $1
        """,
        invoiceId, s.Paid, s.Outstanding, s.Status.ToString(), s.CaseId,
        s.PaidOn is { } paidOn ? new DateTimeOffset(paidOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null, now);
}
