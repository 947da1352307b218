using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using O2C.Api.Dashboard;

namespace O2C.Api.Auth;

/// <summary>
/// <c>/signin</c>, a form that checks a key with <c>POST /v1/session</c>, keeps it in the tab's
/// sessionStorage for our dashboard's requests and gets the cookie the Orleans Dashboard's requests carry.
/// </summary>
public static class SignInPage
{
    public const string Path = "/signin";
    public const string OrleansDashboard = "/orleans";
    private const string Dashboard = "/dashboard";

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, () => DashboardAssets.Serve("signin.html", "text/html; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        var session = app.MapGroup("/v1/session").WithTags("Session");
        session.MapPost("/", SignIn)
            .RequireAuthorization(ApiRoles.AnyKeyPolicy)
            .WithName("SignIn")
            .WithSummary("Checks the key in X-Api-Key and sets the pages' sign-in cookie.");
        session.MapDelete("/", SignOut)
            .AllowAnonymous()
            .WithName("SignOut")
            .WithSummary("Clears the sign-in cookie.");
        return app;
    }

    /// <summary>A browser opening one of the pages (not a script): it gets the sign-in page, not a 401.</summary>
    public static bool WantsPage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && (request.Path.Equals(Dashboard, StringComparison.OrdinalIgnoreCase) || request.Path.StartsWithSegments(OrleansDashboard, StringComparison.OrdinalIgnoreCase))
        && request.Headers.Accept.Any(accept => accept is not null && accept.Contains("text/html", StringComparison.OrdinalIgnoreCase));

    private static NoContent SignIn(HttpContext context)
    {
        context.Response.Cookies.Append(ApiKeyHeader.Cookie, context.Request.Headers[ApiKeyHeader.Name].ToString(), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
        });
        return TypedResults.NoContent();
    }

    private static NoContent SignOut(HttpContext context)
    {
        context.Response.Cookies.Delete(ApiKeyHeader.Cookie, new CookieOptions { Path = "/" });
        return TypedResults.NoContent();
    }
}
