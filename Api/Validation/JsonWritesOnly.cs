using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace O2C.Api.Validation;

/// <summary>
/// A write under /v1 that carries a body must say it is JSON, also where the endpoint reads none
/// (escalate, release): a cross-site form post must not reach any of them (<see cref="JsonContentType"/>).
/// Endpoints that read a body refuse a missing content type themselves (<see cref="JsonBody"/>).
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
                && JsonContentType.HasBody(request) && !JsonContentType.IsJson(request))
            {
                await Problems.UnsupportedMediaType().ExecuteAsync(context);
                return;
            }

            await next(context);
        });
        return app;
    }
}
