namespace O2C.Api.Auth;

/// <summary>A key as <c>GET /v1/api-keys</c> lists it: never its secret.</summary>
public sealed record ApiKeyView(string KeyId, string Name, string Role, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
