using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using O2C.Api.Queries;
using O2C.Api.Validation;
using O2C.Grains.Interfaces.Payments;
using O2C.Api.Auth;
using O2C.Api.OpenApi;

namespace O2C.Api.Payments;

public static class PaymentEndpoints
{
    // One shape for every payment, JSON or statement, matched or waiting: a queued one carries its candidates and the
    // reason it waits (explanation), a refunded one its refund.
    private const string PaymentColumns =
        """
        SELECT payment_id AS "paymentId", source, amount, currency, received_at AS "receivedAt", invoice_id AS "invoiceId", reference,
               customer_id AS "customerId", payer_name AS "payerName", payer_iban AS "payerIban", status, matched_by AS "matchedBy",
               confidence, allocations, unallocated, candidates, explanation,
               CASE WHEN refund_reason IS NULL THEN NULL ELSE json_build_object('reason', refund_reason, 'requestedAt', refund_requested_at) END AS refund,
               recorded_at AS "recordedAt"
        FROM payments
        """;

    public static RouteGroupBuilder MapPaymentEndpoints(this IEndpointRouteBuilder app)
    {
        var payments = app.MapGroup("/v1/payments").WithTags("Payments");
        payments.MapPost("/", ReceiveAsync).RequireAuthorization(ApiRoles.IngestPolicy)
            .WithName("ReceivePayment").ReadsJson<ReceivePayment>()
            .Produces<PaymentResult>(StatusCodes.Status201Created).Produces<PaymentResult>(StatusCodes.Status200OK)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        payments.MapGet("/{paymentId}", GetAsync).RequireAuthorization(ApiRoles.CollectorPolicy)
            .WithName("GetPayment").Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound);
        payments.MapGet("/", ListAsync).RequireAuthorization(ApiRoles.CollectorPolicy)
            .WithName("ListPayments").Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesValidationProblem();
        payments.MapPost("/{paymentId}/allocate", PaymentAllocationEndpoint.AllocateAsync).RequireAuthorization(ApiRoles.CollectorPolicy)
            .WithName("AllocatePayment").ReadsJson<PaymentAllocationEndpoint.Allocation>()
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        payments.MapPost("/{paymentId}/refund-request", RefundRequestEndpoint.RequestAsync).RequireAuthorization(ApiRoles.CollectorPolicy)
            .WithName("RequestRefund").ReadsJson<RefundRequestEndpoint.RefundRequest>()
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return payments;
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (payment, problem) = await JsonBody.ParseAsync(request, PaymentRequest.Parse, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var result = await grains.GetGrain<IPaymentGrain>(payment!.PaymentId).Receive(payment);
        return result switch
        {
            { Conflict: true } => Problems.Conflict($"payment {payment.PaymentId} was already received with different content"),
            { Duplicate: true } => TypedResults.Ok(result),
            _ => TypedResults.Created($"/v1/payments/{Uri.EscapeDataString(payment.PaymentId)}", result),
        };
    }

    public static async Task<IResult> GetAsync(string paymentId, JsonQueries queries, CancellationToken cancellationToken) =>
        await queries.ObjectAsync($"{PaymentColumns} WHERE payment_id = $1", cancellationToken, paymentId) is { } json
            ? JsonResults.Json(json)
            : Problems.NotFound($"payment {paymentId} does not exist");

    private static async Task<IResult> ListAsync(string? status, string? customerId, int? page, int? pageSize, JsonQueries queries, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (status is not null && !Enum.TryParse<PaymentStatus>(status, ignoreCase: false, out _))
        {
            errors.Add("status", $"must be one of: {string.Join(", ", Enum.GetNames<PaymentStatus>().Where(n => n != nameof(PaymentStatus.PartiallyMatched)))}");
        }

        // PartiallyMatched is Overpaid's former name (migration 0021 renamed the rows): an old client still finds them.
        status = status == nameof(PaymentStatus.PartiallyMatched) ? nameof(PaymentStatus.Overpaid) : status;

        if (Paging.From(page, pageSize, errors) is not { } paging)
        {
            return Problems.Validation(errors);
        }

        const string filter = " WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR customer_id = $2)";
        var items = await queries.ArrayAsync($"{PaymentColumns}{filter} ORDER BY received_at DESC, payment_id LIMIT $3 OFFSET $4", "x.\"receivedAt\" DESC, x.\"paymentId\"",
            cancellationToken, status, customerId, paging.PageSize, paging.Offset);
        var total = long.Parse(await queries.ScalarAsync($"SELECT count(*) FROM payments{filter}", cancellationToken, status, customerId) ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        return JsonResults.Json(paging.Wrap(items, total));
    }
}
