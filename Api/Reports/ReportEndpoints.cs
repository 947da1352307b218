using O2C.Clock;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using O2C.Api.Queries;
using O2C.Api.Auth;
using O2C.Api.Validation;

namespace O2C.Api.Reports;

public static class ReportEndpoints
{
    /// <summary>Outstanding of unpaid invoices per currency by days past due, on the business date $1.</summary>
    public const string AgingSql =
        """
        SELECT currency,
               coalesce(sum(outstanding) FILTER (WHERE due_date >= $1), 0) AS "current",
               coalesce(sum(outstanding) FILTER (WHERE $1 - due_date BETWEEN 1 AND 30), 0) AS "days1To30",
               coalesce(sum(outstanding) FILTER (WHERE $1 - due_date BETWEEN 31 AND 60), 0) AS "days31To60",
               coalesce(sum(outstanding) FILTER (WHERE $1 - due_date BETWEEN 61 AND 90), 0) AS "days61To90",
               coalesce(sum(outstanding) FILTER (WHERE $1 - due_date > 90), 0) AS "over90",
               sum(outstanding) AS "total"
        FROM invoices WHERE outstanding > 0 GROUP BY currency
        """;

    /// <summary>DSO per currency: outstanding now / invoiced in the last 90 business days × 90.</summary>
    public const string DsoSql =
        """
        SELECT currency, sum(outstanding) AS "outstanding",
               coalesce(sum(total) FILTER (WHERE issue_date > $1 - 90), 0) AS "invoicedLast90Days",
               round(sum(outstanding) / nullif(sum(total) FILTER (WHERE issue_date > $1 - 90), 0) * 90, 1) AS "dso"
        FROM invoices GROUP BY currency
        """;

    /// <summary>
    /// Per ladder step x risk profile x channel x language: the messages sent between $1 and $2 (business
    /// dates, both inclusive), the invoices they chased, and how many of those were paid in full within
    /// $3 days of the message (on the message's day up to day + $3). A pre-due message chases its
    /// invoice; a case message chases the case's invoices due by then and not yet paid. Written-off
    /// invoices never count as paid.
    /// </summary>
    public const string EffectivenessSql =
        """
        WITH sent AS (
            SELECT message_id, stage, risk_profile, channel, language, created_at::date AS day, case_id, invoice_id
            FROM messages WHERE created_at::date BETWEEN $1 AND $2
        ), chased AS (
            SELECT s.message_id, i.invoice_id,
                   i.outstanding <= 0 AND i.written_off = 0 AND i.paid_at::date BETWEEN s.day AND s.day + $3 AS paid_in_time
            FROM sent s JOIN invoices i
              ON (s.invoice_id IS NOT NULL AND i.invoice_id = s.invoice_id)
              OR (s.invoice_id IS NULL AND i.case_id = s.case_id AND i.due_date <= s.day)
            WHERE i.paid_at IS NULL OR i.paid_at::date >= s.day
        )
        SELECT s.stage, s.risk_profile AS "riskProfile", s.channel, s.language,
               count(DISTINCT s.message_id) AS "messagesSent", count(c.invoice_id) AS "invoicesChased",
               count(c.invoice_id) FILTER (WHERE c.paid_in_time) AS "paidWithinDays",
               round(count(c.invoice_id) FILTER (WHERE c.paid_in_time)::numeric / nullif(count(c.invoice_id), 0), 4) AS "share"
        FROM sent s LEFT JOIN chased c ON c.message_id = s.message_id
        GROUP BY s.stage, s.risk_profile, s.channel, s.language
        """;

    public static RouteGroupBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/v1/reports").WithTags("Reports").RequireAuthorization(ApiRoles.ReportsPolicy);
        reports.MapGet("/aging", async (BusinessClock clock, JsonQueries queries, CancellationToken ct) =>
        {
            var today = Today(clock);
            var buckets = await queries.ArrayAsync(AgingSql, "x.currency", ct, today);
            return JsonResults.Json($$"""{"asOf":"{{today:yyyy-MM-dd}}","currencies":{{buckets}}}""");
        });
        reports.MapGet("/dso", async (BusinessClock clock, JsonQueries queries, CancellationToken ct) =>
        {
            var today = Today(clock);
            var figures = await queries.ArrayAsync(DsoSql, "x.currency", ct, today);
            return JsonResults.Json($$"""{"asOf":"{{today:yyyy-MM-dd}}","formula":"outstanding / invoiced in the last 90 days * 90","currencies":{{figures}}}""");
        });
        reports.MapGet("/effectiveness", EffectivenessAsync).WithName("GetEffectivenessReport").Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesValidationProblem();
        return reports;
    }

    private static async Task<IResult> EffectivenessAsync(DateOnly? from, DateOnly? to, int? days, BusinessClock clock, JsonQueries queries, CancellationToken ct)
    {
        var today = Today(clock);
        var start = from ?? today.AddDays(-90);
        var end = to ?? today;
        var window = days ?? 7;
        var errors = new FieldErrors();
        if (end < start)
        {
            errors.Add("to", $"must not be before from ({start:yyyy-MM-dd})");
        }

        if (window is < 0 or > 365)
        {
            errors.Add("days", "must be between 0 and 365");
        }

        if (errors.Any)
        {
            return Problems.Validation(errors);
        }

        var steps = await queries.ArrayAsync(EffectivenessSql, "x.stage, x.\"riskProfile\", x.channel, x.language", ct, start, end, window);
        return JsonResults.Json(
            $$"""{"from":"{{start:yyyy-MM-dd}}","to":"{{end:yyyy-MM-dd}}","days":{{window}},"definition":"invoices chased by a message and paid in full within the days after it","steps":{{steps}}}""");
    }

    private static DateOnly Today(BusinessClock clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
