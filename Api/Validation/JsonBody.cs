using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace O2C.Api.Validation;

/// <summary>
/// Reads a request body as JSON: only application/json (415), at most <see cref="MaxBytes"/> however
/// it is sent (413), and text that can be read and stored (400 naming the field); malformed JSON is a
/// 400 that says where it broke.
/// </summary>
public static class JsonBody
{
    public const long MaxBytes = 16 * 1024 * 1024;

    public static async Task<(JsonDocument? Document, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!JsonContentType.IsJson(request))
        {
            return (null, Problems.UnsupportedMediaType());
        }

        // Kestrel enforces this on chunked bodies too (its default is about 28 MB, for every request),
        // and stops the connection rather than drain an oversized body we leave unread; the counting
        // in ReadBoundedAsync does the same where the server has no such feature (the test server).
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes;
        }

        if (request.ContentLength > MaxBytes)
        {
            return (null, Problems.TooLarge(MaxBytes));
        }

        // JsonDocument keeps reading from this memory while the document lives: it is not copied again.
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        try
        {
            if (!await ReadBoundedAsync(request.Body, buffer, cancellationToken))
            {
                return (null, Problems.TooLarge(MaxBytes));
            }
        }
        catch (BadHttpRequestException error) when (error.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.TooLarge(MaxBytes));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.WrittenMemory, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException error)
        {
            var where = error.LineNumber is { } line ? $" (line {line + 1}, byte {error.BytePositionInLine + 1})" : "";
            return (null, Problems.Validation("body", $"is not valid JSON{where}"));
        }

        var errors = new FieldErrors();
        JsonTextCheck.Check(document.RootElement, errors);
        if (errors.Any)
        {
            document.Dispose();
            return (null, Problems.Validation(errors));
        }

        return (document, null);
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
            var limits = request.HttpContext.RequestServices.GetRequiredService<IOptions<RequestValidationOptions>>().Value;
            var value = JsonFields.For(document!.RootElement, "", errors, limits) is { } body ? parse(body) : null;
            return value is null || errors.Any ? (null, Problems.Validation(errors)) : (value, null);
        }
    }

    // Stops at the first byte past the limit: the rest of an oversized body is never read.
    private static async Task<bool> ReadBoundedAsync(Stream body, ArrayBufferWriter<byte> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await body.ReadAsync(buffer.GetMemory(64 * 1024), cancellationToken);
            if (read == 0)
            {
                return true;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > MaxBytes)
            {
                return false;
            }
        }
    }
}
