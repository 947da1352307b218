using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using O2C.Api.Auth;

namespace O2C.Api.Audit;

public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/v1/audit").WithTags("Audit").RequireAuthorization(ApiRoles.AdminPolicy);
        audit.MapGet("/verify", VerifyAsync)
            .WithName("VerifyAuditTrail")
            .WithSummary("Recomputes every grain's event hash chain and names the events where it breaks (at most 100).");
        return audit;
    }

    private static async Task<Ok<ChainVerification>> VerifyAsync(ChainVerifier verifier, CancellationToken cancellationToken) =>
        TypedResults.Ok(await verifier.VerifyAsync(cancellationToken));
}
