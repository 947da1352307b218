using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using O2C.Api.Validation;
using O2C.Api.OpenApi;

namespace O2C.Api.Auth;

public static class ApiKeyEndpoints
{
    public static RouteGroupBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/v1/api-keys").WithTags("ApiKeys").RequireAuthorization(ApiRoles.AdminPolicy);
        keys.MapPost("/", CreateAsync)
            .WithName("CreateApiKey")
            .WithSummary("Creates a key of one role; the answer is the only time the key is shown.")
            .ReadsJson<NewApiKey>()
            .Produces<CreatedApiKey>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        keys.MapGet("/", ListAsync)
            .WithName("ListApiKeys")
            .WithSummary("Every key, revoked ones included, without their secrets.");
        keys.MapDelete("/{keyId}", RevokeAsync)
            .WithName("RevokeApiKey")
            .WithSummary("Revokes a key: refused at once on this silo, within O2C:Auth:KeyCacheTime on the others.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return keys;
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, ApiKeyStore store, CancellationToken cancellationToken)
    {
        var (key, problem) = await JsonBody.ParseAsync(request, Parse, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var created = await store.CreateAsync(key!, cancellationToken);
        return TypedResults.Created($"/v1/api-keys/{created.KeyId}", created);
    }

    private static async Task<Ok<IReadOnlyList<ApiKeyView>>> ListAsync(ApiKeyStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(cancellationToken));

    private static async Task<IResult> RevokeAsync(string keyId, ApiKeyStore store, CancellationToken cancellationToken) =>
        await store.RevokeAsync(keyId, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound($"API key {keyId} does not exist");

    private static NewApiKey? Parse(JsonFields body)
    {
        var name = body.Text("name", required: true, maxLength: 200);
        var role = body.OneOf("role", true, [.. ApiRoles.All]);
        return body.Errors.Any ? null : new NewApiKey(name!, role!);
    }
}
