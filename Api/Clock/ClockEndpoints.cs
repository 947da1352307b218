using O2C.Clock;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using O2C.Api.Validation;
using O2C.Api.Auth;
using O2C.Api.OpenApi;
using O2C.Api.Preview;

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
        clock.MapPost("/preview", PreviewAsync).RequireAuthorization(ApiRoles.OperatorPolicy)
            .WithName("PreviewClock").ReadsJson<ClockPreviewRequest>().Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesValidationProblem();
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

    /// <summary>
    /// Body: <c>{"to": ISO 8601 time}</c>. Every message an advance to <c>to</c> would queue, changing
    /// nothing (see <see cref="MessagePreviewer"/>); with <c>?bodies=true</c> their texts too.
    /// </summary>
    private static async Task<IResult> PreviewAsync(
        HttpRequest request, bool? bodies, BusinessClock clock, MessagePreviewer previewer, CancellationToken cancellationToken)
    {
        var (to, problem) = await JsonBody.ParseAsync(request, body => body.Timestamp("to") is { } time ? new AdvanceTarget(time) : null, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var now = clock.GetUtcNow();
        if (to!.To < now)
        {
            return Problems.Validation("to", $"must not be before the business clock's time {now:O}");
        }

        var messages = await previewer.PreviewAsync(to.To, customerId: null, cancellationToken);
        return TypedResults.Ok(new PreviewView(now, to.To, messages.Count, messages.Select(m => PreviewedMessage.From(m, bodies == true)).ToList()));
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
