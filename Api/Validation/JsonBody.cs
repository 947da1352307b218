using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace O2C.Api.Validation;

/// <summary>Reads a request body as JSON, turning malformed JSON into a 400 that says where it broke.</summary>
public static class JsonBody
{
    public const long MaxBytes = 16 * 1024 * 1024;

    public static async Task<(JsonDocument? Document, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, Problems.Validation("body", $"must be at most {MaxBytes / (1024 * 1024)} MB"));
        }

        try
        {
            var document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 32 }, cancellationToken);
            return (document, null);
        }
        catch (JsonException error)
        {
            var where = error.LineNumber is { } line ? $" (line {line + 1}, byte {error.BytePositionInLine + 1})" : "";
            return (null, Problems.Validation("body", $"is not valid JSON{where}"));
        }
    }

    /// <summary>Reads the body as one JSON object and parses it; any problem becomes a 400 naming the field.</summary>
    public static async Task<(T? Value, IResult? Problem)> ParseAsync<T>(HttpRequest request, Func<JsonFields, T?> parse, CancellationToken cancellationToken)
        where T : class
    {
        var (document, problem) = await ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }

        using (document)
        {
            var errors = new FieldErrors();
            var value = JsonFields.For(document!.RootElement, "", errors) is { } body ? parse(body) : null;
            return value is null || errors.Any ? (null, Problems.Validation(errors)) : (value, null);
        }
    }
}
