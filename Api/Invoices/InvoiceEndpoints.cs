using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using O2C.Api.Queries;
using O2C.Api.Validation;
using O2C.Grains.Interfaces.Invoices;

namespace O2C.Api.Invoices;

public static class InvoiceEndpoints
{
    private const string InvoiceColumns =
        """
        SELECT invoice_id AS "invoiceId", customer_id AS "customerId", order_id AS "orderId", currency, issue_date AS "issueDate",
               due_date AS "dueDate", net, vat, total, paid, outstanding, status, payment_reference AS "paymentReference",
               case_id AS "caseId", dunning_level AS "dunningLevel", lines, paid_at AS "paidAt", updated_at AS "updatedAt"
        FROM invoices
        """;

    public static RouteGroupBuilder MapInvoiceEndpoints(this IEndpointRouteBuilder app)
    {
        var invoices = app.MapGroup("/v1/invoices").WithTags("Invoices");
        invoices.MapGet("/{invoiceId}", GetAsync);
        invoices.MapGet("/", ListAsync);
        return invoices;
    }

    private static async Task<IResult> GetAsync(string invoiceId, JsonQueries queries, InvoicePaymentLinks links, CancellationToken cancellationToken) =>
        await queries.ObjectAsync($"{InvoiceColumns} WHERE invoice_id = $1", cancellationToken, invoiceId) is { } json
            ? JsonResults.Json(links.AddTo(json))
            : Problems.NotFound($"invoice {invoiceId} does not exist");

    private static async Task<IResult> ListAsync(
        string? customerId, string? status, int? page, int? pageSize, JsonQueries queries, InvoicePaymentLinks links, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (status is not null && !Enum.TryParse<InvoiceStatus>(status, ignoreCase: false, out _))
        {
            errors.Add("status", $"must be one of: {string.Join(", ", Enum.GetNames<InvoiceStatus>())}");
        }

        if (Paging.From(page, pageSize, errors) is not { } paging)
        {
            return Problems.Validation(errors);
        }

        const string filter = " WHERE ($1::text IS NULL OR customer_id = $1) AND ($2::text IS NULL OR status = $2)";
        var items = await queries.ArrayAsync($"{InvoiceColumns}{filter} ORDER BY due_date, invoice_id LIMIT $3 OFFSET $4", "x.\"dueDate\", x.\"invoiceId\"",
            cancellationToken, customerId, status, paging.PageSize, paging.Offset);
        var total = long.Parse(await queries.ScalarAsync($"SELECT count(*) FROM invoices{filter}", cancellationToken, customerId, status) ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        return JsonResults.Json(paging.Wrap(links.AddToEach(items), total));
    }
}
