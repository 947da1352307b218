using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using O2C.Api.Queries;
using O2C.Api.Validation;
using O2C.CashApplication.Camt;
using O2C.Api.Auth;
using O2C.Api.OpenApi;

namespace O2C.Api.BankStatements;

public static class BankStatementEndpoints
{
    public static RouteGroupBuilder MapBankStatementEndpoints(this IEndpointRouteBuilder app)
    {
        var statements = app.MapGroup("/v1/bank-statements").WithTags("BankStatements");
        // Declared so the JSON-only rule for writes (JsonWritesOnly) leaves this XML upload to its own check.
        statements.MapPost("/", ImportAsync).Accepts<Stream>("application/xml", "text/xml").RequireAuthorization(ApiRoles.IngestPolicy)
            .WithName("ImportBankStatement").Produces<ImportSummary>(StatusCodes.Status201Created).Produces<ImportSummary>(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status400BadRequest);
        statements.MapGet("/unmatched", UnmatchedAsync).RequireAuthorization(ApiRoles.CollectorPolicy)
            .WithName("ListUnmatchedEntries").Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesValidationProblem();
        statements.MapPost("/entries/{paymentId}/allocate", ManualAllocation.AllocateAsync).RequireAuthorization(ApiRoles.CollectorPolicy)
            .WithName("AllocateEntry").ReadsJson<ManualAllocation.Allocation>().Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return statements;
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, StatementImporter importer, IOptions<BankStatementOptions> options, CancellationToken cancellationToken)
    {
        if (!StatementUpload.IsXml(request))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type.",
                detail: $"A bank statement is a camt.053 XML document: send it as application/xml or text/xml, not {request.ContentType ?? "without a content type"}.");
        }

        var maxBytes = options.Value.MaxStatementBytes;
        await using var document = await StatementUpload.CopyToTempFileAsync(request, maxBytes, cancellationToken);
        if (document is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "Statement too large.",
                detail: string.Create(CultureInfo.InvariantCulture, $"A statement may have at most {maxBytes:N0} bytes ({BankStatementOptions.Section}:MaxStatementBytes)."));
        }

        try
        {
            var summary = await importer.ImportAsync(document, cancellationToken);
            return TypedResults.Json(summary, statusCode: summary.Duplicate ? StatusCodes.Status200OK : StatusCodes.Status201Created);
        }
        catch (CamtFormatException refused)
        {
            // The whole document is refused before anything was booked (pass 1 reads it to the end first).
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest, title: "Not a readable camt.053 bank statement.", detail: refused.Message,
                extensions: new Dictionary<string, object?> { ["problem"] = refused.Problem.ToString(), ["line"] = refused.LineNumber });
        }
    }

    private static async Task<IResult> UnmatchedAsync(int? page, int? pageSize, JsonQueries queries, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (Paging.From(page, pageSize, errors) is not { } paging)
        {
            return Problems.Validation(errors);
        }

        var items = await queries.ScalarAsync(
            """
            SELECT coalesce(jsonb_agg(result ORDER BY imported_at, payment_key), '[]')::text
            FROM (SELECT result, imported_at, payment_key FROM bank_entries WHERE status = 'Unmatched' ORDER BY imported_at, payment_key LIMIT $1 OFFSET $2) x
            """,
            cancellationToken, paging.PageSize, paging.Offset) ?? "[]";
        var total = long.Parse(await queries.ScalarAsync("SELECT count(*) FROM bank_entries WHERE status = 'Unmatched'", cancellationToken) ?? "0", CultureInfo.InvariantCulture);
        return JsonResults.Json(paging.Wrap(items, total));
    }
}
