using O2C.Grains.Interfaces.Orders;
using O2C.Storage;

namespace O2C.Grains.Customers;

/// <summary>The query rows a customer grain keeps current: its customers row and its orders.</summary>
internal static class CustomerRows
{
    private static readonly MultiRowStatement Change = MultiRowStatement.Keyed(
        """
        UPDATE customers c SET open_exposure = v.open_exposure, risk_profile = v.risk_profile, risk_reason = v.risk_reason,
            open_case_id = v.open_case_id, updated_at = v.updated_at
        FROM {rows} WHERE c.customer_id = v.customer_id
        """,
        "customer_id text", "open_exposure numeric", "risk_profile text", "risk_reason text", "open_case_id text", "updated_at timestamptz");

    private static readonly MultiRowStatement OrderInsert = MultiRowStatement.Appended(
        """
        INSERT INTO orders (order_id, customer_id, content_hash, status, invoice_id, reason, order_date, currency, total, received_at, updated_at)
        SELECT * FROM {rows}
        """,
        "order_id text", "customer_id text", "content_hash text", "status text", "invoice_id text", "reason text", "order_date date",
        "currency text", "total numeric", "received_at timestamptz", "updated_at timestamptz");

    private static readonly MultiRowStatement OrderChange = MultiRowStatement.Keyed(
        "UPDATE orders o SET status = v.status, invoice_id = v.invoice_id, reason = v.reason, updated_at = v.updated_at FROM {rows} WHERE o.order_id = v.order_id",
        "order_id text", "status text", "invoice_id text", "reason text", "updated_at timestamptz");

    public static CommitRows Customer(this CommitRows rows, string customerId, CustomerState state, decimal openExposure, DateTimeOffset now)
    {
        var p = state.Profile!;
        return rows.Project(
            """
            INSERT INTO customers (customer_id, name, email, phone, language, currency, country, payment_term_days, credit_limit, credit_score,
                preferred_channels, open_exposure, risk_profile, risk_reason, open_case_id, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
            ON CONFLICT (customer_id) DO UPDATE SET name = excluded.name, email = excluded.email, phone = excluded.phone,
                language = excluded.language, currency = excluded.currency, country = excluded.country,
                payment_term_days = excluded.payment_term_days, credit_limit = excluded.credit_limit, credit_score = excluded.credit_score,
                preferred_channels = excluded.preferred_channels, open_exposure = excluded.open_exposure, risk_profile = excluded.risk_profile,
                risk_reason = excluded.risk_reason, open_case_id = excluded.open_case_id, updated_at = excluded.updated_at
            """,
            customerId, p.Name, p.Email, p.Phone, p.Language, p.Currency, p.Country, p.PaymentTermDays, p.CreditLimit, p.CreditScore,
            p.PreferredChannels.Select(c => c.ToString().ToLowerInvariant()).ToArray(), openExposure, state.RiskProfile.ToString(),
            state.RiskReason, state.OpenCaseId, state.CreatedAt, now);
    }

    /// <summary>A change of what the customer owes or how it is judged: only those columns, not the whole profile.</summary>
    public static CommitRows CustomerChanged(this CommitRows rows, string customerId, CustomerState state, decimal openExposure, DateTimeOffset now) => rows.Project(
        Change, customerId, openExposure, state.RiskProfile.ToString(), state.RiskReason, state.OpenCaseId, now);

    /// <summary>A new order id. A plain insert: an id already taken (by another customer, in a race) fails the whole write.</summary>
    public static CommitRows NewOrder(this CommitRows rows, PlaceOrder order, OrderRecord record, DateTimeOffset now) => rows.Project(
        OrderInsert,
        order.OrderId, order.CustomerId, record.ContentHash, record.Status.ToString(), record.InvoiceId, record.Reason,
        order.OrderDate, order.Currency, record.Total, now, now);

    public static CommitRows OrderChanged(this CommitRows rows, string orderId, OrderRecord record, DateTimeOffset now) => rows.Project(
        OrderChange, orderId, record.Status.ToString(), record.InvoiceId, record.Reason, now);
}
