using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using O2C.Api.Queries;
using O2C.Api.Validation;
using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Orders;
using O2C.Api.Auth;
using O2C.Api.OpenApi;
using O2C.Telemetry;

namespace O2C.Api.Orders;

public static class OrderEndpoints
{
    public const int MaxBatch = 1000;

    private const string OrderSelect =
        """
        SELECT order_id AS "orderId", customer_id AS "customerId", status, invoice_id AS "invoiceId", reason, order_date AS "orderDate",
               currency, total, received_at AS "receivedAt", updated_at AS "updatedAt"
        FROM orders WHERE order_id = $1
        """;

    public static RouteGroupBuilder MapOrderEndpoints(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/v1/orders").WithTags("Orders");
        orders.MapPost("/", PlaceAsync).RequireAuthorization(ApiRoles.IngestPolicy)
            .WithName("PlaceOrder").ReadsJson<PlaceOrder>()
            .Produces<OrderView>(StatusCodes.Status201Created).Produces<OrderView>(StatusCodes.Status200OK)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        orders.MapPost("/batch", PlaceBatchAsync).RequireAuthorization(ApiRoles.IngestPolicy)
            .WithName("PlaceOrders").ReadsJson<OrderBatch>().Produces<OrderBatchResult>(StatusCodes.Status200OK).ProducesValidationProblem();
        orders.MapGet("/{orderId}", GetAsync).RequireAuthorization(ApiRoles.CollectorPolicy)
            .WithName("GetOrder").Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound);
        orders.MapPost("/{orderId}/release", ReleaseAsync).RequireAuthorization(ApiRoles.CollectorPolicy)
            .WithName("ReleaseOrder").Produces<OrderView>(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return orders;
    }

    private static async Task<IResult> PlaceAsync(
        HttpRequest request, OrderIntake intake, IOptions<RequestValidationOptions> limits, O2CMetrics metrics, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        using (document)
        {
            var errors = new FieldErrors();
            if (OrderRequest.Parse(document!.RootElement, "", errors, limits.Value) is not { } order)
            {
                metrics.OrdersRejected();
                return Problems.Validation(errors);
            }

            O2CTracing.Tag(O2CTracing.OrderId, order.OrderId);
            O2CTracing.Tag(O2CTracing.CustomerId, order.CustomerId);
            var (view, kind) = await intake.PlaceAsync(order, cancellationToken);
            if (kind is not OrderOutcomeKind.Created and not OrderOutcomeKind.Repeated)
            {
                metrics.OrdersRejected();
            }

            return kind switch
            {
                OrderOutcomeKind.Created => TypedResults.Created($"/v1/orders/{Uri.EscapeDataString(order.OrderId)}", view),
                OrderOutcomeKind.Repeated => TypedResults.Ok(view),
                OrderOutcomeKind.Conflict => Problems.Conflict(view.Reason!),
                OrderOutcomeKind.UnknownCustomer => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: view.Reason,
                    extensions: new Dictionary<string, object?> { ["errors"] = view.Errors }),
                _ => TypedResults.ValidationProblem(view.Errors!.ToDictionary(e => e.Key, e => e.Value), title: "The request has invalid fields."),
            };
        }
    }

    private static async Task<IResult> PlaceBatchAsync(
        HttpRequest request, OrderIntake intake, OrderLookup lookup, IOptions<RequestValidationOptions> limits, O2CMetrics metrics, ILogger<OrderIntake> logger,
        CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        using (document)
        {
            var errors = new FieldErrors();
            var items = JsonFields.For(document!.RootElement, "", errors, limits.Value)?.Array("orders", required: true, 1, MaxBatch);
            if (items is null)
            {
                return Problems.Validation(errors);
            }

            // Each order is checked on its own: a bad one is reported, never sinks the good ones.
            var parsed = items.Select(item =>
            {
                var itemErrors = new FieldErrors();
                return (Order: OrderRequest.Parse(item.Item, item.Path, itemErrors, limits.Value), Errors: itemErrors, Element: item.Item);
            }).ToList();
            var valid = parsed.Where(p => p.Order is not null).Select(p => p.Order!).ToList();
            var (stored, currencies) = await lookup.BothAsync(
                valid.Select(o => o.OrderId).Distinct().ToList(), valid.Select(o => o.CustomerId).Distinct().ToList(), cancellationToken);

            // Every customer of the batch at once: orders of one customer queue at its grain anyway,
            // and the writes of all of them meet in the same group commits.
            var results = new OrderView[parsed.Count];
            await Parallel.ForEachAsync(
                Enumerable.Range(0, parsed.Count),
                new ParallelOptions { MaxDegreeOfParallelism = MaxBatch, CancellationToken = cancellationToken },
                async (i, token) =>
                {
                    var (order, itemErrors, element) = parsed[i];
                    if (order is null)
                    {
                        results[i] = new OrderView(IdOf(element, "orderId"), IdOf(element, "customerId"), OrderStatus.Rejected, null, "the order has invalid fields", Errors: itemErrors.ToDictionary());
                        return;
                    }

                    try
                    {
                        var (view, kind) = await intake.PlaceAsync(order, stored.GetValueOrDefault(order.OrderId), currencies, token);
                        results[i] = kind == OrderOutcomeKind.Repeated
                            ? view with { Status = OrderStatus.Duplicate }
                            : view with { Errors = view.Errors?.ToDictionary(e => $"orders[{i}].{e.Key}", e => e.Value) };
                    }
                    catch (Exception error) when (!token.IsCancellationRequested)
                    {
                        // Whatever one order meets (a refusal of the database, a grain that failed or timed
                        // out, an outage) is that order's result: the others of the batch stand (issue 13).
                        logger.LogWarning(error, "Order {OrderId} of a batch failed", order.OrderId);
                        var reason = OrderFailure.Reason(error);
                        results[i] = new OrderView(order.OrderId, order.CustomerId, OrderStatus.Rejected, null, reason,
                            Errors: new Dictionary<string, string[]> { [$"orders[{i}]"] = [reason] });
                    }
                });

            // Accepted and held orders are counted by their customers' grains, once committed.
            metrics.OrdersRejected(results.Count(r => r.Status == OrderStatus.Rejected));
            return TypedResults.Ok(new OrderBatchResult(
                results.Count(r => r.Status == OrderStatus.Invoiced),
                results.Count(r => r.Status == OrderStatus.OnHold),
                results.Count(r => r.Status == OrderStatus.Duplicate),
                results.Count(r => r.Status == OrderStatus.Rejected),
                results));
        }
    }

    private static async Task<IResult> GetAsync(string orderId, JsonQueries queries, CancellationToken cancellationToken) =>
        await queries.ObjectAsync(OrderSelect, cancellationToken, orderId) is { } json
            ? JsonResults.Json(json)
            : Problems.NotFound($"order {orderId} does not exist");

    private static async Task<IResult> ReleaseAsync(string orderId, IGrainFactory grains, OrderLookup lookup, CancellationToken cancellationToken)
    {
        if ((await lookup.OrdersAsync([orderId], cancellationToken)).GetValueOrDefault(orderId) is not { } stored)
        {
            return Problems.NotFound($"order {orderId} does not exist");
        }

        var result = await grains.GetGrain<ICustomerGrain>(stored.CustomerId).ReleaseOrder(orderId);
        return result.Status == OrderStatus.Invoiced
            ? TypedResults.Ok(new OrderView(orderId, stored.CustomerId, result.Status, result.InvoiceId, null))
            : Problems.Conflict(result.Reason ?? $"order {orderId} is not on hold");
    }

    private static string IdOf(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : "";
}
