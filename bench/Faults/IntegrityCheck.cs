using Npgsql;

namespace O2C.Bench.Faults;

/// <summary>
/// What must hold after every fault, read with SQL from the silos' database: every acknowledged order
/// present with the invoice its answer named, every acknowledged payment present and applied once;
/// no order invoiced twice, no message queued twice (messages per case, stage and channel; outbox
/// entries per message), no payment applied twice to an invoice.
/// </summary>
public sealed record IntegrityCheck(
    long LostOrders, long LostPayments, long DuplicateInvoices, long DuplicateMessages, long DuplicateOutboxEntries,
    long DuplicateApplications, long InvoicesPaidTooLittle, long InvoicesPaidTooMuch)
{
    public long Lost => LostOrders + LostPayments + InvoicesPaidTooLittle;

    public long Duplicated => DuplicateInvoices + DuplicateMessages + DuplicateOutboxEntries + DuplicateApplications + InvoicesPaidTooMuch;

    public bool Holds => Lost == 0 && Duplicated == 0;

    public override string ToString() =>
        $"lost: {LostOrders} orders, {LostPayments} payments, {InvoicesPaidTooLittle} invoices short of acknowledged payments; "
        + $"duplicated: {DuplicateInvoices} invoices, {DuplicateMessages} messages, {DuplicateOutboxEntries} outbox entries, "
        + $"{DuplicateApplications} payment applications, {InvoicesPaidTooMuch} invoices paid more than sent";

    public static async Task<IntegrityCheck> RunAsync(string connectionString, WriteLedger ledger, CancellationToken cancellationToken)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        var (orderIds, invoiceIds) = ledger.OrderRows();
        var (paymentIds, paidInvoices, amounts) = ledger.PaymentRows();
        return new IntegrityCheck(
            await CountAsync(source,
                """
                SELECT count(*) FROM unnest($1::text[], $2::text[]) a(order_id, invoice_id)
                LEFT JOIN orders o ON o.order_id = a.order_id
                LEFT JOIN invoices i ON i.invoice_id = a.invoice_id
                WHERE o.order_id IS NULL OR (a.invoice_id IS NOT NULL AND (i.invoice_id IS NULL OR i.order_id <> a.order_id))
                """, cancellationToken, [orderIds, invoiceIds]),
            await CountAsync(source,
                "SELECT count(*) FROM unnest($1::text[]) a(payment_id) WHERE NOT EXISTS (SELECT 1 FROM payments p WHERE p.payment_id = a.payment_id)",
                cancellationToken, [paymentIds]),
            await CountAsync(source, "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) n FROM invoices GROUP BY order_id HAVING count(*) > 1) x", cancellationToken),
            await CountAsync(source,
                """
                SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) n FROM messages
                GROUP BY coalesce(case_id, invoice_id), stage, channel HAVING count(*) > 1) x
                """, cancellationToken),
            await CountAsync(source,
                "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) n FROM outbox WHERE topic = 'message.queued' GROUP BY payload->>'messageId' HAVING count(*) > 1) x",
                cancellationToken),
            await CountAsync(source,
                """
                SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) n FROM grain_events WHERE kind = 'PaymentApplied'
                GROUP BY grain_key, data->>'paymentId' HAVING count(*) > 1) x
                """, cancellationToken),
            await PaidAsync(source, paidInvoices, amounts, ledger.InvoicesWithAbandonedPayments(), tooLittle: true, cancellationToken),
            await PaidAsync(source, paidInvoices, amounts, ledger.InvoicesWithAbandonedPayments(), tooLittle: false, cancellationToken));
    }

    // An invoice's paid amount against its acknowledged payments (the load sends nothing else to it);
    // one with a payment given up on may hold that one too, so only "too little" counts for it.
    private static Task<long> PaidAsync(
        NpgsqlDataSource source, string[] invoiceIds, decimal[] amounts, string[] uncertain, bool tooLittle, CancellationToken cancellationToken) =>
        CountAsync(source,
            $"""
            SELECT count(*) FROM (SELECT invoice_id, sum(amount) expected FROM unnest($1::text[], $2::numeric[]) a(invoice_id, amount) GROUP BY invoice_id) a
            JOIN invoices i ON i.invoice_id = a.invoice_id
            WHERE {(tooLittle ? "i.paid < a.expected" : "i.paid > a.expected AND NOT a.invoice_id = ANY($3)")}
            """, cancellationToken, [invoiceIds, amounts, uncertain]);

    private static async Task<long> CountAsync(NpgsqlDataSource source, string sql, CancellationToken cancellationToken, params IReadOnlyList<object> parameters)
    {
        await using var command = source.CreateCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
