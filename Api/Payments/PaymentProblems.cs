using Microsoft.AspNetCore.Http;

namespace O2C.Api.Payments;

/// <summary>404 and 409 problems of the collector's payment actions, naming the field they are about (<c>field</c>), as 400s do in <c>errors</c>.</summary>
internal static class PaymentProblems
{
    public static IResult NotFound(string field, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: detail, extensions: Field(field));

    public static IResult Conflict(string field, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict.", detail: detail, extensions: Field(field));

    private static Dictionary<string, object?> Field(string field) => new() { ["field"] = field };
}
