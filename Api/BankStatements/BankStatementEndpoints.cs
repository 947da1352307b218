using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using O2C.CashApplication.Camt;
using O2C.Api.Auth;
using O2C.Api.OpenApi;

namespace O2C.Api.BankStatements;

public static class BankStatementEndpoints
{
    public static RouteGroupBuilder MapBankStatementEndpoints(this IEndpointRouteBuilder app)
    {
        var statements = app.MapGroup("/v1/bank-statements").WithTags("BankStatements");
        // Declared so the JSON-only rule for writes (JsonWritesOnly) leaves this XML upload to its own check, and so
        // OpenAPI documents the body: a camt.053 document as application/xml or text/xml.
        statements.MapPost("/", ImportAsync)
            .Accepts<Stream>("application/xml", "text/xml")
            .Produces<ImportSummary>(StatusCodes.Status201Created)
            .Produces<ImportSummary>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .RequireAuthorization(ApiRoles.IngestPolicy)
            .WithName("ImportBankStatement")
            .WithSummary("Import a camt.053 bank statement")
            .WithDescription(
                "The body is a camt.053 document (versions .001.02 to .001.10) as the bank exported it, sent as application/xml or text/xml. " +
                "201 with the summary and a result per payment; the same statements again: 200 with the stored results, nothing booked. " +
                "Payments left unmatched wait in GET /v1/payments?status=Unmatched.");
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
}
