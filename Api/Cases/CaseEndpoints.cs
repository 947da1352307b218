using O2C.Clock;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using O2C.Api.Queries;
using O2C.Api.Validation;
using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Dunning;
using O2C.Grains.Interfaces.Invoices;
using O2C.Api.Auth;
using O2C.Api.OpenApi;

namespace O2C.Api.Cases;

public static class CaseEndpoints
{
    public static RouteGroupBuilder MapCaseEndpoints(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/v1/cases").WithTags("Cases").RequireAuthorization(ApiRoles.CollectorPolicy);
        cases.MapGet("/", ListAsync).WithName("ListCases").Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesValidationProblem();
        cases.MapGet("/{caseId}", GetAsync).WithName("GetCase").Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapGet("/{caseId}/next-message", NextMessage.GetAsync).WithName("GetNextCaseMessage")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapPost("/{caseId}/notes", (string caseId, HttpRequest request, IGrainFactory grains, JsonQueries queries, CancellationToken ct) =>
            ActAsync(caseId, request, CaseActions.ParseNote, (grain, note) => grain.AddNote(note.Text), grains, queries, ct))
            .WithName("AddCaseNote").ReadsJson<CaseActions.Note>().Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapPost("/{caseId}/promise", (string caseId, HttpRequest request, IGrainFactory grains, JsonQueries queries, BusinessClock clock, CancellationToken ct) =>
            ActAsync(caseId, request, body => CaseActions.ParsePromise(body) is { } promise && NotInPast(promise, body, clock) ? promise : null,
                (grain, promise) => grain.PromiseToPay(promise.Amount, promise.Date, promise.Replaces), grains, queries, ct))
            .WithName("PromiseToPay").ReadsJson<CaseActions.Promise>().Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapPost("/{caseId}/payment-plan", (string caseId, HttpRequest request, IGrainFactory grains, JsonQueries queries, CancellationToken ct) =>
            ActAsync(caseId, request, CaseActions.ParsePlan,
                (grain, plan) => grain.AgreePaymentPlan(new PaymentPlanRequest(plan.Instalments, plan.Replaces, plan.Reason)), grains, queries, ct))
            .WithName("AgreePaymentPlan").ReadsJson<CaseActions.Plan>().Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        cases.MapPost("/{caseId}/assign", (string caseId, HttpRequest request, IGrainFactory grains, JsonQueries queries, CancellationToken ct) =>
            ActAsync(caseId, request, CaseActions.ParseAssignment, (grain, assignment) => grain.Assign(assignment.Collector), grains, queries, ct))
            .WithName("AssignCase").ReadsJson<CaseActions.Assignment>().Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapPost("/{caseId}/dispute", (string caseId, HttpRequest request, IGrainFactory grains, JsonQueries queries, CancellationToken ct) =>
            DisputeAsync(caseId, request, dispute: true, grains, queries, ct))
            .WithName("DisputeInvoice").ReadsJson<CaseActions.InvoiceReason>().Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapPost("/{caseId}/resolve-dispute", (string caseId, HttpRequest request, IGrainFactory grains, JsonQueries queries, CancellationToken ct) =>
            DisputeAsync(caseId, request, dispute: false, grains, queries, ct))
            .WithName("ResolveDispute").ReadsJson<CaseActions.InvoiceReason>().Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapPost("/{caseId}/escalate", (string caseId, IGrainFactory grains, JsonQueries queries, CancellationToken ct) =>
            ApplyAsync(caseId, grain => grain.Escalate(), grains, queries, ct));
        return cases;
    }

    private static async Task<IResult> ListAsync(string? status, string? stage, string? riskProfile, string? customerId, int? page, int? pageSize, JsonQueries queries, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        CheckName<CaseStatus>("status", status, errors);
        CheckName<DunningStage>("stage", stage, errors);
        CheckName<RiskProfile>("riskProfile", riskProfile, errors);
        if (Paging.From(page, pageSize, errors) is not { } paging)
        {
            return Problems.Validation(errors);
        }

        var items = await queries.ArrayAsync($"{CaseQueries.Columns}{CaseQueries.Filter} ORDER BY opened_at, case_id LIMIT $5 OFFSET $6", "x.\"openedAt\", x.\"caseId\"",
            cancellationToken, status, stage, riskProfile, customerId, paging.PageSize, paging.Offset);
        var total = long.Parse(await queries.ScalarAsync($"SELECT count(*) FROM cases{CaseQueries.Filter}", cancellationToken, status, stage, riskProfile, customerId) ?? "0", CultureInfo.InvariantCulture);
        return JsonResults.Json(paging.Wrap(items, total));
    }

    private static async Task<IResult> GetAsync(string caseId, JsonQueries queries, CancellationToken cancellationToken) =>
        await queries.ObjectAsync(CaseQueries.WithTimeline, cancellationToken, caseId) is { } json
            ? JsonResults.Json(json)
            : Problems.NotFound($"case {caseId} does not exist");

    private static async Task<IResult> ActAsync<T>(
        string caseId, HttpRequest request, Func<JsonFields, T?> parse, Func<IDunningCaseGrain, T, Task<CaseActionResult>> act,
        IGrainFactory grains, JsonQueries queries, CancellationToken cancellationToken) where T : class
    {
        var (body, problem) = await JsonBody.ParseAsync(request, parse, cancellationToken);
        return problem ?? await ApplyAsync(caseId, grain => act(grain, body!), grains, queries, cancellationToken);
    }

    /// <summary>Runs a collector action on an existing case and answers with the case as it is afterwards.</summary>
    private static async Task<IResult> ApplyAsync(string caseId, Func<IDunningCaseGrain, Task<CaseActionResult>> act, IGrainFactory grains, JsonQueries queries, CancellationToken cancellationToken)
    {
        if (await queries.ScalarAsync("SELECT 1 FROM cases WHERE case_id = $1", cancellationToken, caseId) is null)
        {
            return Problems.NotFound($"case {caseId} does not exist");
        }

        var result = await act(grains.GetGrain<IDunningCaseGrain>(caseId));
        return result.Accepted
            ? JsonResults.Json((await queries.ObjectAsync(CaseQueries.WithTimeline, cancellationToken, caseId))!)
            : Refused(result);
    }

    /// <summary>A refused action: 400 naming the fields the case found invalid, otherwise 409 (the case's state does not allow it).</summary>
    public static IResult Refused(CaseActionResult result)
    {
        if (result.FieldErrors is not { Count: > 0 } invalid)
        {
            return Problems.Conflict(result.Error!);
        }

        var errors = new FieldErrors();
        foreach (var error in invalid)
        {
            errors.Add(error.Field, error.Message);
        }

        return Problems.Validation(errors);
    }

    private static async Task<IResult> DisputeAsync(string caseId, HttpRequest request, bool dispute, IGrainFactory grains, JsonQueries queries, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ParseAsync(request, CaseActions.ParseInvoiceReason, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (await queries.ScalarAsync("SELECT 1 FROM cases WHERE case_id = $1", cancellationToken, caseId) is null)
        {
            return Problems.NotFound($"case {caseId} does not exist");
        }

        if (await queries.ScalarAsync("SELECT 1 FROM invoices WHERE invoice_id = $1 AND case_id = $2", cancellationToken, body!.InvoiceId, caseId) is null)
        {
            return Problems.Validation("invoiceId", $"invoice {body.InvoiceId} is not in case {caseId}");
        }

        var invoice = grains.GetGrain<IInvoiceGrain>(body.InvoiceId);
        await (dispute ? invoice.Dispute(body.Reason) : invoice.ResolveDispute(body.Reason));
        return JsonResults.Json((await queries.ObjectAsync(CaseQueries.WithTimeline, cancellationToken, caseId))!);
    }

    private static bool NotInPast(CaseActions.Promise promise, JsonFields body, BusinessClock clock)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (promise.Date >= today)
        {
            return true;
        }

        body.Errors.Add(body.Path("date"), $"must not be before today's business date {today:yyyy-MM-dd}");
        return false;
    }

    private static void CheckName<TEnum>(string field, string? value, FieldErrors errors) where TEnum : struct, Enum
    {
        if (value is not null && !Enum.TryParse<TEnum>(value, ignoreCase: false, out _))
        {
            errors.Add(field, $"must be one of: {string.Join(", ", Enum.GetNames<TEnum>())}");
        }
    }
}
