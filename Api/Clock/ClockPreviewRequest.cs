namespace O2C.Api.Clock;

/// <summary>Body of <c>POST /v1/clock/preview</c>, for the OpenAPI document: the business time to look ahead to.</summary>
public sealed record ClockPreviewRequest(DateTimeOffset To);
