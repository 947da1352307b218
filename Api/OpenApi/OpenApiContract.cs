using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using O2C.Api.Auth;

namespace O2C.Api.OpenApi;

/// <summary>
/// What <c>/openapi/v1.json</c> says beyond the endpoints' own metadata: the <c>X-Api-Key</c> security
/// scheme, an operation id for every operation, and the answers every endpoint can give whatever it
/// does (401 and 403 where a key is needed, 429, 503; 413 and 415 where it reads a body), as problem details.
/// </summary>
public static class OpenApiContract
{
    public const string SecurityScheme = "ApiKey";

    public static IServiceCollection AddO2COpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[SecurityScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyHeader.Name,
                    Description = "An API key (POST /v1/api-keys) of a role the operation admits: ingest, collector, operator or admin.",
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecurityScheme, document)] = [] });
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(async (operation, context, cancellationToken) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                operation.OperationId ??= OperationId(context.Description.HttpMethod ?? "GET", context.Description.RelativePath ?? "");
                operation.Responses ??= [];
                if (operation.RequestBody is null && metadata.OfType<RequestBodyType>().FirstOrDefault() is { } body)
                {
                    operation.RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Content = new Dictionary<string, OpenApiMediaType>
                        {
                            ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(body.Type, null, cancellationToken) },
                        },
                    };
                }

                if (metadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security = [];
                }
                else
                {
                    Add(operation, 401, "No key, or an unknown or revoked one.");
                    Add(operation, 403, "The key's role may not call this operation.");
                    Add(operation, 429, "Too many requests for this key (O2C:RateLimit); see Retry-After.", retryAfter: true);
                }

                if (operation.RequestBody is not null)
                {
                    Add(operation, 400, "A field is invalid (the errors name it), or the body is not readable.");
                    Add(operation, 413, "The body is larger than 16 MB.");
                    Add(operation, 415, "The body is not of a content type the operation accepts.");
                }

                Add(operation, 503, "The database or the cluster cannot be reached just now; see Retry-After.", retryAfter: true);
            });
        });

    /// <summary><c>POST v1/orders/{orderId}/release</c> becomes <c>postV1OrdersOrderIdRelease</c>, for endpoints without a name.</summary>
    public static string OperationId(string method, string path)
    {
        var words = path.Split(['/', '-', '{', '}', '.', ':'], StringSplitOptions.RemoveEmptyEntries)
            .Select(word => char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..]);
        return method.ToLowerInvariant() + string.Concat(words);
    }

    private static void Add(OpenApiOperation operation, int status, string description, bool retryAfter = false)
    {
        var code = status.ToString(CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(code))
        {
            return;
        }

        operation.Responses[code] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = Problem() } },
            Headers = retryAfter
                ? new Dictionary<string, IOpenApiHeader> { ["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } } }
                : null,
        };
    }

    // RFC 7807, inline: the document needs no shared schema for it.
    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["errors"] = new OpenApiSchema { Type = JsonSchemaType.Object },
        },
    };
}
