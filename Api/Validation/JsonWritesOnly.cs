using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace O2C.Api.Validation;

/// <summary>
/// A write under /v1 that carries a body must say it is JSON, also where the endpoint reads none
/// (escalate, release): a cross-site form post must not reach any of them (<see cref="JsonContentType"/>).
/// Endpoints that read a body refuse a missing content type themselves (<see cref="JsonBody"/>).
/// An endpoint that declares other content types it accepts (<c>.Accepts(...)</c>, the camt.053
/// upload) checks its own: a cross-site form can send none of them without a preflight.
/// </summary>
public static class JsonWritesOnly
{
    public static WebApplication UseJsonWritesOnly(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.Path.StartsWithSegments("/v1", StringComparison.OrdinalIgnoreCase)
                && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
                && JsonContentType.HasBody(request) && !JsonContentType.IsJson(request)
                && !DeclaresOwnContentTypes(context))
            {
                await Problems.UnsupportedMediaType().ExecuteAsync(context);
                return;
            }

            await next(context);
        });
        return app;
    }

    private static bool DeclaresOwnContentTypes(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is { ContentTypes.Count: > 0 } accepts
        && !accepts.ContentTypes.Any(type => type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase));
}
