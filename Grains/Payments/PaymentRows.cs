using O2C.Storage;

namespace O2C.Grains.Payments;

/// <summary>The <c>payments</c> rows a payment grain writes with its state, and the payers it teaches the cash matcher.</summary>
internal static class PaymentRows
{
    private const string InsertColumns =
        """
        INSERT INTO payments (payment_id, content_hash, amount, currency, received_at, invoice_id, reference, customer_id, payer_name,
            payer_iban, status, matched_by, confidence, allocations, unallocated, candidates, explanation, source, recorded_at)
        SELECT * FROM {rows}
        """;

    private static readonly string[] Columns =
    [
        "payment_id text", "content_hash text", "amount numeric", "currency text", "received_at timestamptz", "invoice_id text", "reference text",
        "customer_id text", "payer_name text", "payer_iban text", "status text", "matched_by text", "confidence int", "allocations jsonb",
        "unallocated numeric", "candidates jsonb", "explanation text", "source text", "recorded_at timestamptz",
    ];

    /// <summary>A JSON payment, once: its id's primary key fails a second insert.</summary>
    public static readonly MultiRowStatement Received = MultiRowStatement.Appended(InsertColumns, Columns);

    // The import writes the row of a statement payment it queued; booking it later (a collector, a re-match) rewrites it.
    public static readonly MultiRowStatement ReceivedFromStatement = MultiRowStatement.Keyed(
        InsertColumns +
        """

        ON CONFLICT (payment_id) DO UPDATE SET invoice_id = excluded.invoice_id, customer_id = excluded.customer_id, status = excluded.status,
            matched_by = excluded.matched_by, confidence = excluded.confidence, allocations = excluded.allocations, unallocated = excluded.unallocated,
            candidates = excluded.candidates, explanation = excluded.explanation, recorded_at = excluded.recorded_at
        """,
        Columns);

    /// <summary>A collector's action on a payment. Candidates null: the ones shown before stay.</summary>
    public static readonly MultiRowStatement Changed = MultiRowStatement.Keyed(
        """
        UPDATE payments p SET status = v.status, matched_by = v.matched_by, allocations = v.allocations, unallocated = v.unallocated,
            customer_id = coalesce(v.customer_id, p.customer_id), candidates = coalesce(v.candidates, p.candidates), explanation = v.explanation,
            refund_reason = v.refund_reason, refund_requested_at = v.refund_requested_at, recorded_at = v.recorded_at
        FROM {rows} WHERE p.payment_id = v.payment_id
        """,
        "payment_id text", "status text", "matched_by text", "allocations jsonb", "unallocated numeric", "customer_id text", "candidates jsonb",
        "explanation text", "refund_reason text", "refund_requested_at timestamptz", "recorded_at timestamptz");

    // The payer's account and name, learnt from a payment applied to one customer's invoices: the cash matcher's known
    // payers next time (issue 16). Kept once per (customer, IBAN, name); the first payment that taught it is noted.
    public static readonly MultiRowStatement PayerLearned = MultiRowStatement.Appended(
        """
        INSERT INTO payer_accounts (customer_id, iban, name, learned_from, learned_at)
        SELECT * FROM {rows}
        ON CONFLICT (customer_id, iban, name) DO NOTHING
        """,
        "customer_id text", "iban text", "name text", "learned_from text", "learned_at timestamptz");
}
