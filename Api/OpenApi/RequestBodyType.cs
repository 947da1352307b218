namespace O2C.Api.OpenApi;

/// <summary>
/// The JSON body an endpoint reads with its own parser (field-path errors, the hostile-input checks),
/// for the OpenAPI document only. Unlike <c>.Accepts&lt;T&gt;()</c> it does not take part in routing,
/// whose own 415 would not be a problem details answer.
/// </summary>
public sealed record RequestBodyType(Type Type);
