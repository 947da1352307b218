using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using O2C.Api.Validation;
using O2C.Runtime;

namespace O2C.Api.Clock;

public static class ClockEndpoints
{
    private static readonly string[] AdvanceFields = ["days", "hours", "to"];

    public static RouteGroupBuilder MapClockEndpoints(this IEndpointRouteBuilder app)
    {
        var clock = app.MapGroup("/v1/clock").WithTags("Clock");
        clock.MapGet("/", (BusinessClock businessClock) => TypedResults.Ok(new ClockView(businessClock.GetUtcNow(), businessClock.Mode, businessClock.Speed)));
        clock.MapPost("/advance", AdvanceAsync);
        return clock;
    }

    /// <summary>Body: exactly one of <c>days</c>, <c>hours</c> (positive numbers) or <c>to</c> (an ISO 8601 time).</summary>
    private static async Task<IResult> AdvanceAsync(HttpRequest request, BusinessClock clock, IReminderDelivery reminders, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        using (document)
        {
            var errors = new FieldErrors();
            if (JsonFields.For(document!.RootElement, "", errors) is not { } body)
            {
                return Problems.Validation(errors);
            }

            var given = AdvanceFields.Where(body.Has).ToList();
            if (given.Count != 1)
            {
                return Problems.Validation("body", "give exactly one of days, hours or to");
            }

            var now = clock.GetUtcNow();
            var to = given[0] switch
            {
                "days" => body.Number("days", true, 0, 3650, 4, minExclusive: true) is { } days ? now.AddDays((double)days) : (DateTimeOffset?)null,
                "hours" => body.Number("hours", true, 0, 87600, 4, minExclusive: true) is { } hours ? now.AddHours((double)hours) : null,
                _ => body.Timestamp("to"),
            };
            if (to is null)
            {
                return Problems.Validation(errors);
            }

            if (clock.Mode != ClockMode.Manual)
            {
                return Problems.Conflict($"The business clock runs in {clock.Mode} mode; only a Manual clock can be advanced (start the silo with O2C:Clock:Mode=Manual).");
            }

            if (to < now)
            {
                return Problems.Validation("to", $"must not be before the business clock's time {now:O}");
            }

            var advance = await reminders.AdvanceClockAsync(to.Value, cancellationToken);
            return TypedResults.Ok(advance);
        }
    }
}
