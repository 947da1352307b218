using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using O2C.Api.Cases;
using O2C.Api.Queries;
using O2C.Api.Validation;
using O2C.Grains.Interfaces.Dunning;
using O2C.Grains.Interfaces.Invoices;
using O2C.Api.Auth;
using O2C.Api.OpenApi;

namespace O2C.Api.Invoices;

public static class InvoiceEndpoints
{
    private const string InvoiceColumns =
        """
        SELECT invoice_id AS "invoiceId", customer_id AS "customerId", order_id AS "orderId", currency, issue_date AS "issueDate",
               due_date AS "dueDate", net, vat, total, paid, outstanding, status, payment_reference AS "paymentReference",
               case_id AS "caseId", dunning_level AS "dunningLevel", lines, paid_at AS "paidAt", updated_at AS "updatedAt",
               written_off AS "writtenOff", recovered, written_off_at AS "writtenOffAt", write_off_reason AS "writeOffReason"
        FROM invoices
        """;

    public static RouteGroupBuilder MapInvoiceEndpoints(this IEndpointRouteBuilder app)
    {
        var invoices = app.MapGroup("/v1/invoices").WithTags("Invoices").RequireAuthorization(ApiRoles.CollectorPolicy);
        invoices.MapGet("/{invoiceId}", GetAsync).WithName("GetInvoice").Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound);
        invoices.MapGet("/", ListAsync).WithName("ListInvoices").Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesValidationProblem();
        invoices.MapPost("/{invoiceId}/write-off", WriteOffAsync).WithName("WriteOffInvoice").ReadsJson<WriteOff>()
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return invoices;
    }

    /// <summary>
    /// The invoice row, with late-payment interest to business today from its dunning case (interest
    /// moves every day, so it is computed when asked, by the case that also claims it in its messages).
    /// </summary>
    private static async Task<IResult> GetAsync(
        string invoiceId, JsonQueries queries, IGrainFactory grains, InvoicePaymentLinks links, CancellationToken cancellationToken)
    {
        if (await queries.ObjectAsync($"{InvoiceColumns} WHERE invoice_id = $1", cancellationToken, invoiceId) is not { } json)
        {
            return Problems.NotFound($"invoice {invoiceId} does not exist");
        }

        var invoice = JsonNode.Parse(json)!.AsObject();
        links.Add(invoice);
        if (invoice["caseId"]?.GetValue<string>() is { } caseId
            && await grains.GetGrain<IDunningCaseGrain>(caseId).Interest(invoiceId) is { } interest)
        {
            invoice["interest"] = JsonSerializer.SerializeToNode(interest, InterestJson);
        }

        return JsonResults.Json(invoice.ToJsonString());
    }

    private static async Task<IResult> WriteOffAsync(
        string invoiceId, HttpRequest request, IGrainFactory grains, JsonQueries queries, InvoicePaymentLinks links, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ParseAsync(request, ParseWriteOff, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (await queries.ScalarAsync("SELECT 1 FROM invoices WHERE invoice_id = $1", cancellationToken, invoiceId) is null)
        {
            return Problems.NotFound($"invoice {invoiceId} does not exist");
        }

        var result = await grains.GetGrain<IInvoiceGrain>(invoiceId).WriteOff(body!);
        return result.Accepted
            ? await GetAsync(invoiceId, queries, grains, links, cancellationToken)
            : CaseEndpoints.Refused(result);
    }

    private static WriteOff? ParseWriteOff(JsonFields body)
    {
        var reason = body.Text("reason", required: true, maxLength: 2000);
        var amount = body.Number("amount", required: false, 0, Amounts.Max, 2, minExclusive: true);
        return reason is null ? null : new WriteOff(amount, reason);
    }

    private static readonly JsonSerializerOptions InterestJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

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
