namespace O2C.Api.Clock;

/// <summary>Body of <c>POST /v1/clock/advance</c>, for the OpenAPI document: exactly one of the three.</summary>
public sealed record ClockAdvanceRequest(decimal? Days, decimal? Hours, DateTimeOffset? To);
