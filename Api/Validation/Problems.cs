using Microsoft.AspNetCore.Http;

namespace O2C.Api.Validation;

/// <summary>RFC 7807 answers with the field they are about.</summary>
public static class Problems
{
    /// <summary>Seconds a client is asked to wait before retrying while a dependency is down.</summary>
    public const int RetryAfterSeconds = 5;

    public static IResult Validation(FieldErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: "The request has invalid fields.");

    public static IResult Validation(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return Validation(errors);
    }

    public static IResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: what);

    public static IResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict.", detail: detail);

    public static IResult UnsupportedMediaType() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "Unsupported media type.",
            detail: "Send the body as JSON with Content-Type: application/json (charset utf-8, if any).");

    public static IResult TooLarge(long maxBytes) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "The request body is too large.",
            detail: $"A request body may be at most {maxBytes / (1024 * 1024)} MB.");
}
