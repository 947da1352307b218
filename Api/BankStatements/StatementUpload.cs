using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace O2C.Api.BankStatements;

/// <summary>
/// The uploaded statement, copied to a temporary file that is deleted when closed. The camt.053 reader is an
/// <c>XmlReader</c>, which reads synchronously, and ASP.NET Core forbids synchronous reads of a request body; a file also
/// lets the import read the document twice (once to check it whole, once to book it) without holding 10 MB in memory.
/// </summary>
public static class StatementUpload
{
    private static readonly string[] XmlMediaTypes = ["application/xml", "text/xml"];

    public static bool IsXml(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type is not null
        && XmlMediaTypes.Any(t => type.MediaType.Equals(t, StringComparison.OrdinalIgnoreCase));

    /// <summary>The body in a temporary file positioned at its start, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<FileStream?> CopyToTempFileAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        // Kestrel's own limit (30 MB by default) would cut a large statement off before ours is reached.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + 1;
        }

        var file = new FileStream(
            Path.Combine(Path.GetTempPath(), $"o2c-camt053-{Guid.NewGuid():N}.xml"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    await file.DisposeAsync();
                    return null;
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            await file.FlushAsync(cancellationToken);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
