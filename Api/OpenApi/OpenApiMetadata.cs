using Microsoft.AspNetCore.Builder;

namespace O2C.Api.OpenApi;

public static class OpenApiMetadata
{
    /// <summary>Documents <typeparamref name="T"/> as the JSON request body (see <see cref="RequestBodyType"/>).</summary>
    public static RouteHandlerBuilder ReadsJson<T>(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new RequestBodyType(typeof(T)));
}
