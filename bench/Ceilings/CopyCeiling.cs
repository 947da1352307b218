using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using O2C.Storage;

namespace O2C.Bench.Ceilings;

/// <summary>
/// P-COPY: binary COPY of exactly the rows <paramref name="orders"/> orders make (<see cref="OrderRows"/>)
/// into the scratch tables, one COPY stream per table in parallel, each committed (durable) before the
/// clock stops. The fastest way this server can take those rows: the ceiling of ingest.
/// </summary>
public static class CopyCeiling
{
    private const string S = ScratchSchema.Name;
    private static readonly string[] EmailOnly = ["email"];

    public static async Task<TimeSpan> MeasureAsync(NpgsqlDataSource dataSource, int orders, CancellationToken cancellationToken)
    {
        var rows = new OrderRows("pcopy");
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(
            CopyAsync(dataSource, $"{S}.grain_state (grain_type, grain_key, state_name, version, state, updated_at)", orders, (w, i) => GrainStates(w, rows, i), cancellationToken),
            CopyAsync(dataSource, $"{S}.reminders (grain_type, grain_key, name, first_due_at, due_at, period_ms, etag)", orders, (w, i) => Reminders(w, rows, i), cancellationToken),
            CopyAsync(dataSource, $"{S}.grain_events (grain_type, grain_key, occurred_at, kind, data)", orders, (w, i) => Events(w, rows, i), cancellationToken),
            CopyAsync(dataSource, $"{S}.orders (order_id, customer_id, content_hash, status, invoice_id, reason, order_date, currency, total, received_at, updated_at)", orders, (w, i) => Order(w, rows, i), cancellationToken),
            CopyAsync(dataSource, $"{S}.invoices (invoice_id, customer_id, order_id, currency, issue_date, due_date, net, vat, total, paid, outstanding, status, payment_reference, case_id, dunning_level, lines, paid_at, updated_at)", orders, (w, i) => Invoice(w, rows, i), cancellationToken),
            CopyAsync(dataSource, $"{S}.customers (customer_id, name, email, phone, language, currency, country, payment_term_days, credit_limit, credit_score, preferred_channels, open_exposure, risk_profile, risk_reason, open_case_id, created_at, updated_at)", orders, (w, i) => Customer(w, rows, i), cancellationToken));
        return Stopwatch.GetElapsedTime(started);
    }

    private static async Task CopyAsync(NpgsqlDataSource dataSource, string target, int orders, Action<NpgsqlBinaryImporter, int> write, CancellationToken cancellationToken)
    {
        // Synchronous writes on a thread of its own: the client side must not be what limits the ceiling.
        await Task.Run(() =>
        {
            using var connection = dataSource.OpenConnection();
            using var importer = connection.BeginBinaryImport($"COPY {target} FROM STDIN (FORMAT BINARY)");
            for (var i = 0; i < orders; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                write(importer, i);
            }

            importer.Complete();
        }, cancellationToken);
    }

    // The customer's rows are new row versions (PostgreSQL writes a new tuple per update); the key carries the order number.
    private static void GrainStates(NpgsqlBinaryImporter w, OrderRows rows, int i)
    {
        Row(w, "invoice", rows.InvoiceId(i), "invoice", 1L, new Jsonb(rows.InvoiceStateJson(i)), rows.Timestamp);
        Row(w, "customer", $"{rows.CustomerId(i)}~{i}", "customer", (long)(i % OrderRows.OrdersPerCustomer) + 2, new Jsonb(rows.CustomerStateJson), rows.Timestamp);
    }

    private static void Reminders(NpgsqlBinaryImporter w, OrderRows rows, int i)
    {
        var preDue = new DateTimeOffset(rows.DueDate.AddDays(-3).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        Row(w, "invoice", rows.InvoiceId(i), "pre-due", preDue, preDue, null, 1L);
    }

    private static void Events(NpgsqlBinaryImporter w, OrderRows rows, int i)
    {
        Row(w, "invoice", rows.InvoiceId(i), rows.Timestamp, "InvoiceIssued",
            new Jsonb($$"""{"orderId":"{{rows.OrderId(i)}}","total":{{rows.Totals.Gross}},"dueDate":"{{rows.DueDate:yyyy-MM-dd}}","paymentReference":"RF18{{i:D12}}"}"""));
        Row(w, "customer", rows.CustomerId(i), rows.Timestamp, "OrderInvoiced",
            new Jsonb($$"""{"orderId":"{{rows.OrderId(i)}}","invoiceId":"{{rows.InvoiceId(i)}}","gross":{{rows.Totals.Gross}},"reason":"within the credit limit"}"""));
    }

    private static void Order(NpgsqlBinaryImporter w, OrderRows rows, int i) => Row(w,
        rows.OrderId(i), rows.CustomerId(i), new string('a', 64), "Invoiced", rows.InvoiceId(i), null, rows.IssueDate, "EUR", rows.Totals.Gross, rows.Timestamp, rows.Timestamp);

    private static void Invoice(NpgsqlBinaryImporter w, OrderRows rows, int i) => Row(w,
        rows.InvoiceId(i), rows.CustomerId(i), rows.OrderId(i), "EUR", rows.IssueDate, rows.DueDate, rows.Totals.Net, rows.Totals.Vat, rows.Totals.Gross,
        0m, rows.Totals.Gross, "Open", $"RF18{i:D12}", null, "None", new Jsonb(rows.LinesJson), null, rows.Timestamp);

    private static void Customer(NpgsqlBinaryImporter w, OrderRows rows, int i) => Row(w,
        $"{rows.CustomerId(i)}~{i}", "Bench Customer B.V.", "ap@customer.example", "+31201234567", "en", "EUR", "NL", 30, 1_000_000_000m, 50,
        EmailOnly, rows.Totals.Gross * ((i % OrderRows.OrdersPerCustomer) + 1), "Medium", "no credit score band or payment history that decides otherwise",
        null, rows.Timestamp, rows.Timestamp);

    private static void Row(NpgsqlBinaryImporter w, params object?[] values)
    {
        w.StartRow();
        foreach (var value in values)
        {
            switch (value)
            {
                case null:
                    w.WriteNull();
                    break;
                case Jsonb json:
                    w.Write(json.Json, NpgsqlDbType.Jsonb);
                    break;
                case string[] array:
                    w.Write(array, NpgsqlDbType.Array | NpgsqlDbType.Text);
                    break;
                case string text:
                    w.Write(text, NpgsqlDbType.Text);
                    break;
                case long number:
                    w.Write(number, NpgsqlDbType.Bigint);
                    break;
                case int number:
                    w.Write(number, NpgsqlDbType.Integer);
                    break;
                case decimal amount:
                    w.Write(amount, NpgsqlDbType.Numeric);
                    break;
                case DateOnly date:
                    w.Write(date, NpgsqlDbType.Date);
                    break;
                case DateTimeOffset time:
                    w.Write(time, NpgsqlDbType.TimestampTz);
                    break;
                default:
                    throw new InvalidOperationException($"No COPY mapping for {value.GetType().Name}.");
            }
        }
    }
}
