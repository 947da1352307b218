using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using O2C.Api.Cases;
using O2C.Api.Queries;
using O2C.Api.Validation;
using O2C.Grains.Interfaces.Dunning;

using O2C.Api.Auth;

namespace O2C.Api.Handovers;

/// <summary>Cases handed over to the collection agency at the end of their ladder (issue 15).</summary>
public static class HandoverEndpoints
{
    private static readonly string[] Statuses = ["New", "Acknowledged"];

    public static RouteGroupBuilder MapHandoverEndpoints(this IEndpointRouteBuilder app)
    {
        var handovers = app.MapGroup("/v1/handovers").WithTags("Handovers").RequireAuthorization(ApiRoles.CollectorPolicy);
        handovers.MapGet("/", ListAsync).WithName("ListHandovers")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem();
        handovers.MapPost("/{handoverId}/acknowledge", AcknowledgeAsync).WithName("AcknowledgeHandover")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return handovers;
    }

    /// <summary>JSON by default; CSV (one line per invoice) with <c>Accept: text/csv</c> or <c>?format=csv</c>.</summary>
    private static async Task<IResult> ListAsync(
        string? status, string? format, int? page, int? pageSize, HttpRequest request, JsonQueries queries, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (status is not null && !Statuses.Contains(status, StringComparer.Ordinal))
        {
            errors.Add("status", $"must be one of: {string.Join(", ", Statuses)}");
        }

        if (format is not null && format is not ("json" or "csv"))
        {
            errors.Add("format", "must be json or csv");
        }

        if (Paging.From(page, pageSize, errors) is not { } paging)
        {
            return Problems.Validation(errors);
        }

        var items = await queries.ArrayAsync(HandoverQueries.List, "x.\"handedOverAt\", x.\"handoverId\"", cancellationToken, status, paging.PageSize, paging.Offset);
        if (format == "csv" || (format is null && request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase)))
        {
            return Results.Text(HandoverCsv.From(JsonNode.Parse(items)!.AsArray()), "text/csv; charset=utf-8");
        }

        var total = long.Parse(await queries.ScalarAsync(HandoverQueries.Count, cancellationToken, status) ?? "0", CultureInfo.InvariantCulture);
        return JsonResults.Json(paging.Wrap(items, total));
    }

    private static async Task<IResult> AcknowledgeAsync(string handoverId, IGrainFactory grains, JsonQueries queries, CancellationToken cancellationToken)
    {
        if (await queries.ScalarAsync("SELECT case_id FROM handovers WHERE handover_id = $1", cancellationToken, handoverId) is not { } caseId)
        {
            return Problems.NotFound($"handover {handoverId} does not exist");
        }

        var result = await grains.GetGrain<IDunningCaseGrain>(caseId).AcknowledgeHandover(handoverId);
        if (!result.Accepted)
        {
            return CaseEndpoints.Refused(result);
        }

        return JsonResults.Json((await queries.ObjectAsync(
            "SELECT handover_id AS \"handoverId\", case_id AS \"caseId\", status, acknowledged_at AS \"acknowledgedAt\" FROM handovers WHERE handover_id = $1",
            cancellationToken, handoverId))!);
    }
}
