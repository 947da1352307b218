using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace O2C.Api.Tests.Hostile;

/// <summary>A request as an attacker sends it: raw bytes, any content type (or none), and what it must get.</summary>
public sealed record HostileRequest(string Name, HttpMethod Method, string Path, byte[]? Body, string? ContentType, HttpStatusCode Expected, string? Field = null)
{
    public static HostileRequest Json(string name, string method, string path, string body, HttpStatusCode expected, string? field = null) =>
        new(name, new HttpMethod(method), path, Encoding.UTF8.GetBytes(body), "application/json", expected, field);

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, Path);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            message.Content.Headers.ContentType = ContentType is null ? null : MediaTypeHeaderValue.Parse(ContentType);
        }

        return message;
    }

    /// <summary>What is wrong with the answer, or null when it is the one expected.</summary>
    public string? Miss(HttpStatusCode status, JsonNode? problem, HttpResponseMessage response)
    {
        if (status != Expected)
        {
            return $"{Name}: {Method} {Path} gave {(int)status}, expected {(int)Expected}: {Trim(problem?.ToJsonString())}";
        }

        if (!string.Equals(response.Content.Headers.ContentType?.MediaType, "application/problem+json", StringComparison.Ordinal))
        {
            return $"{Name}: {Method} {Path} gave {(int)status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}, expected a problem";
        }

        if (Field is not null && problem?["errors"]?.AsObject().ContainsKey(Field) != true)
        {
            return $"{Name}: {Method} {Path} gave {(int)status} without naming '{Field}': {Trim(problem?.ToJsonString())}";
        }

        return null;
    }

    private static string? Trim(string? text) => text is null ? null : text[..Math.Min(text.Length, 300)];
}
