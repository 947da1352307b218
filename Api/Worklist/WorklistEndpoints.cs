using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using O2C.Api.Validation;
using O2C.Clock;
using O2C.Grains.Interfaces.Collections;

using O2C.Api.Auth;

namespace O2C.Api.Worklist;

/// <summary>The collectors' worklist (issue 15): open cases ranked by the expected value of acting now, each with its reason.</summary>
public static class WorklistEndpoints
{
    public static RouteGroupBuilder MapWorklistEndpoints(this IEndpointRouteBuilder app)
    {
        var worklist = app.MapGroup("/v1/worklist").WithTags("Worklist").RequireAuthorization(ApiRoles.CollectorPolicy);
        worklist.MapGet("/", ListAsync).WithName("GetWorklist").Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesValidationProblem();
        return worklist;
    }

    private static async Task<IResult> ListAsync(string? collector, int? limit, IGrainFactory grains, BusinessClock clock)
    {
        var errors = new FieldErrors();
        if (limit is < 1 or > 1000)
        {
            errors.Add("limit", "must be between 1 and 1000");
        }

        if (collector is not null && (collector.Length is 0 or > JsonFields.MaxIdLength))
        {
            errors.Add("collector", $"must be 1 to {JsonFields.MaxIdLength} characters");
        }

        if (errors.Any)
        {
            return Problems.Validation(errors);
        }

        var items = await grains.GetGrain<IWorklistGrain>(0).Rank(collector, limit ?? 100);
        return TypedResults.Ok(new { asOf = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), items });
    }
}
