using O2C.Clock;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using O2C.Api.Validation;
using O2C.Api.Auth;
using O2C.Api.OpenApi;

namespace O2C.Api.Clock;

public static class ClockEndpoints
{
    private static readonly string[] AdvanceFields = ["days", "hours", "to"];

    public static RouteGroupBuilder MapClockEndpoints(this IEndpointRouteBuilder app)
    {
        var clock = app.MapGroup("/v1/clock").WithTags("Clock");
        clock.MapGet("/", (BusinessClock businessClock) => TypedResults.Ok(new ClockView(businessClock.GetUtcNow(), businessClock.Mode, businessClock.Speed)))
            .RequireAuthorization(ApiRoles.ReportsPolicy).WithName("GetClock");
        clock.MapPost("/advance", AdvanceAsync).RequireAuthorization(ApiRoles.OperatorPolicy)
            .WithName("AdvanceClock").ReadsJson<ClockAdvanceRequest>().Produces<ClockAdvance>(StatusCodes.Status200OK)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return clock;
    }

    /// <summary>Body: exactly one of <c>days</c>, <c>hours</c> (positive numbers) or <c>to</c> (an ISO 8601 time).</summary>
    private static async Task<IResult> AdvanceAsync(HttpRequest request, BusinessClock clock, ClockDriver driver, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (target, problem) = await JsonBody.ParseAsync(request, body => Target(body, now), cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (clock.Mode != ClockMode.Manual)
        {
            return Problems.Conflict($"The business clock runs in {clock.Mode} mode; only a Manual clock can be advanced (start the silo with O2C:Clock:Mode=Manual).");
        }

        if (target!.To < now)
        {
            return Problems.Validation("to", $"must not be before the business clock's time {now:O}");
        }

        return TypedResults.Ok(await driver.AdvanceAsync(target.To, cancellationToken));
    }

    private static AdvanceTarget? Target(JsonFields body, DateTimeOffset now)
    {
        var given = AdvanceFields.Where(body.Has).ToList();
        if (given.Count != 1)
        {
            body.Errors.Add("body", "give exactly one of days, hours or to");
            return null;
        }

        var to = given[0] switch
        {
            "days" => body.Number("days", true, 0, 3650, 4, minExclusive: true) is { } days ? now.AddDays((double)days) : (DateTimeOffset?)null,
            "hours" => body.Number("hours", true, 0, 87600, 4, minExclusive: true) is { } hours ? now.AddHours((double)hours) : null,
            _ => body.Timestamp("to"),
        };
        return to is null ? null : new AdvanceTarget(to.Value);
    }

    private sealed record AdvanceTarget(DateTimeOffset To);
}
