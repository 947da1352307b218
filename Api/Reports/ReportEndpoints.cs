using O2C.Clock;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using O2C.Api.Queries;
using O2C.Api.Auth;

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
        return reports;
    }

    private static DateOnly Today(BusinessClock clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
