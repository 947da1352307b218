using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace O2C.Api.Validation;

/// <summary>
/// Writes take JSON only. A browser sends text/plain, form and multipart bodies to another origin
/// without asking first (no CORS preflight), so accepting them let any web page post a payment in
/// its visitor's name (issue 13); application/json always needs a preflight, which nothing here allows.
/// </summary>
public static class JsonContentType
{
    public static bool IsJson(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // JSON is UTF-8 (RFC 8259); a body that says it is something else would be read wrongly.
        return type.Parameters.All(p =>
            p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase)
            && HeaderUtilities.RemoveQuotes(p.Value).Equals("utf-8", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether the request carries a body at all (a length above zero, or chunked).</summary>
    public static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
}
