namespace O2C.Api.Auth;

/// <summary>The answer to <c>POST /v1/api-keys</c>: the only time the key itself is shown.</summary>
public sealed record CreatedApiKey(string KeyId, string Name, string Role, DateTimeOffset CreatedAt, string Key);
