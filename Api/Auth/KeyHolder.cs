namespace O2C.Api.Auth;

/// <summary>Who a valid key belongs to.</summary>
public sealed record KeyHolder(string KeyId, string Name, string Role);
