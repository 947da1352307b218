using Microsoft.AspNetCore.Http;

namespace O2C.Api.Queries;

public static class JsonResults
{
    /// <summary>A JSON text produced by PostgreSQL, sent as it is.</summary>
    public static IResult Json(string json, int statusCode = StatusCodes.Status200OK) =>
        Results.Content(json, "application/json", statusCode: statusCode);
}
