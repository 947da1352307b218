namespace O2C.Api.Auth;

/// <summary>Body of <c>POST /v1/api-keys</c>: a name for people, and one of <see cref="ApiRoles.All"/>.</summary>
public sealed record NewApiKey(string Name, string Role);
