using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace O2C.Delivery.Channels;

/// <summary>SMS and letters: a signed JSON POST to the configured webhook, which sends or prints them.</summary>
internal sealed class WebhookChannel(HttpClient http, WebhookOptions options) : IMessageChannel
{
    public const string HttpClientName = "o2c-delivery-webhook";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(message.Recipient))
        {
            throw new UndeliverableMessageException($"no recipient for the {message.Channel.ToLowerInvariant()}");
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(WebhookPayload.For(message, message.Recipient), Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(options.Secret!, body));
        request.Headers.Add("Idempotency-Key", message.IdempotencyKey);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var error = new HttpRequestException($"the webhook answered {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        // A 4xx says this request will never be taken (bad payload, unknown number); 408 and 429 ask to come back later.
        if ((int)response.StatusCode is >= 400 and < 500 && response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests))
        {
            throw new UndeliverableMessageException($"HTTP {(int)response.StatusCode}: the webhook refused the message for good", error);
        }

        throw error;
    }
}
