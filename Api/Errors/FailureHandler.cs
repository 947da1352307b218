using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using O2C.Api.Validation;

namespace O2C.Api.Errors;

/// <summary>
/// Answers the failures that are not bugs as problems instead of a 500: an outage is a 503 with
/// Retry-After (PostgreSQL down, a grain that did not answer), a body Kestrel refused keeps its own
/// status (413, 400), and a row the database refused is a 409 or 400. Anything else falls through
/// to the default handler: a 500.
/// </summary>
public sealed class FailureHandler(IProblemDetailsService problems, ILogger<FailureHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        if (Failures.IsOutage(exception))
        {
            logger.LogWarning(exception, "{Method} {Path} answered 503: a dependency is unavailable", httpContext.Request.Method, httpContext.Request.Path);
            httpContext.Response.Headers.RetryAfter = Problems.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Temporarily unavailable.",
                Detail = $"The database or the cluster cannot be reached just now; retry after {Problems.RetryAfterSeconds} seconds.",
            };
        }
        else if (exception is BadHttpRequestException bad)
        {
            problem = new ProblemDetails { Status = bad.StatusCode, Title = "Bad request.", Detail = bad.Message };
        }
        else if (Failures.DatabaseRefusal(exception) is { } refusal)
        {
            logger.LogError(exception, "{Method} {Path}: the database refused a write ({SqlState})", httpContext.Request.Method, httpContext.Request.Path, refusal.SqlState);
            var constraint = refusal.SqlState.StartsWith("23", StringComparison.Ordinal);
            problem = new ProblemDetails
            {
                Status = constraint ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest,
                Title = constraint ? "Conflict." : "The request has a value the database cannot store.",
                Detail = constraint
                    ? $"The database refused the write: it conflicts with data stored already (SQLSTATE {refusal.SqlState})."
                    : $"The database refused a value of this request (SQLSTATE {refusal.SqlState}).",
            };
        }
        else
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
