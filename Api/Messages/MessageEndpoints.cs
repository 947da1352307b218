using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using O2C.Api.Queries;
using O2C.Api.Validation;
using O2C.Api.Auth;
using O2C.Api.OpenApi;

namespace O2C.Api.Messages;

public static class MessageEndpoints
{
    private const string Columns =
        """
        SELECT message_id AS "messageId", case_id AS "caseId", invoice_id AS "invoiceId", customer_id AS "customerId", stage, channel,
               language, risk_profile AS "riskProfile", template_name AS "templateName", recipient, subject, body, status, created_at AS "createdAt",
               attempts, last_error AS "lastError", last_attempt_at AS "lastAttemptAt", sent_at AS "sentAt", finished_at AS "finishedAt"
        FROM messages WHERE ($1::text IS NULL OR case_id = $1) AND ($2::text IS NULL OR customer_id = $2)
        """;

    public static RouteGroupBuilder MapMessageEndpoints(this IEndpointRouteBuilder app)
    {
        var messages = app.MapGroup("/v1/messages").WithTags("Messages").RequireAuthorization(ApiRoles.CollectorPolicy);
        messages.MapGet("/", ListAsync).WithName("ListMessages").Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesValidationProblem();
        return messages;
    }

    private static async Task<IResult> ListAsync(string? caseId, string? customerId, int? page, int? pageSize, JsonQueries queries, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (Paging.From(page, pageSize, errors) is not { } paging)
        {
            return Problems.Validation(errors);
        }

        var items = await queries.ArrayAsync($"{Columns} ORDER BY created_at, message_id LIMIT $3 OFFSET $4", "x.\"createdAt\", x.\"messageId\"",
            cancellationToken, caseId, customerId, paging.PageSize, paging.Offset);
        var total = long.Parse(await queries.ScalarAsync($"SELECT count(*) FROM ({Columns}) m", cancellationToken, caseId, customerId) ?? "0", CultureInfo.InvariantCulture);
        return JsonResults.Json(paging.Wrap(items, total));
    }
}
