namespace O2C.Api.Auth;

/// <summary>Where a client puts its key: the <c>X-Api-Key</c> header, or the sign-in cookie for pages.</summary>
public static class ApiKeyHeader
{
    public const string Name = "X-Api-Key";

    /// <summary>
    /// Set by the sign-in page for the pages whose requests we do not write (the Orleans Dashboard):
    /// HttpOnly and SameSite=Strict, so another site's page can neither read it nor make a browser send it.
    /// </summary>
    public const string Cookie = "o2c-key";

    public const string Scheme = "ApiKey";
}
