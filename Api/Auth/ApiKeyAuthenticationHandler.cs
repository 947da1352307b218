using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace O2C.Api.Auth;

/// <summary>
/// Authenticates the key in <c>X-Api-Key</c> (or, for reads, the sign-in cookie of the pages) and
/// gives the request the key's role. No key or an unknown one: 401; a role the endpoint's policy
/// does not admit: 403; both as problem details. A browser opening a page without a key is sent to
/// the sign-in page instead.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys,
    IProblemDetailsService problems) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = PresentedKey(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKeySecret.Plausible(key) || await keys.FindAsync(key, Context.RequestAborted) is not { } holder)
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        Claim[] claims =
        [
            new(ClaimTypes.NameIdentifier, holder.KeyId),
            new(ClaimTypes.Name, holder.Name),
            new(ClaimTypes.Role, holder.Role),
        ];
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name)), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (SignInPage.WantsPage(Request))
        {
            Response.Redirect(SignInPage.Path + "?returnUrl=" + Uri.EscapeDataString(Request.PathBase + Request.Path + Request.QueryString));
            return;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{ApiKeyHeader.Scheme} header=\"{ApiKeyHeader.Name}\"";
        var detail = PresentedKey(Request) is null
            ? $"Send an API key in the {ApiKeyHeader.Name} header."
            : "The API key is unknown or revoked.";
        await WriteAsync(new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = "Unauthorized.", Detail = detail });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var role = Context.User.FindFirstValue(ClaimTypes.Role);
        await WriteAsync(new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "Forbidden.",
            Detail = $"A key of role '{role}' may not call {Request.Method} {Request.Path}.",
        });
    }

    /// <summary>The header; else the sign-in cookie, but only for reads and the Orleans Dashboard.</summary>
    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(ApiKeyHeader.Name, out var header) && header.Count == 1 && !string.IsNullOrEmpty(header[0]))
        {
            return header[0];
        }

        var cookieAllowed = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || request.Path.StartsWithSegments(SignInPage.OrleansDashboard, StringComparison.OrdinalIgnoreCase);
        return cookieAllowed && request.Cookies.TryGetValue(ApiKeyHeader.Cookie, out var cookie) && !string.IsNullOrEmpty(cookie) ? cookie : null;
    }

    private Task WriteAsync(ProblemDetails problem) =>
        problems.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = problem }).AsTask();
}
