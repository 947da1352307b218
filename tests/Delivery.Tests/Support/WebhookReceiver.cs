using System.Collections.Concurrent;
using System.Net;

namespace O2C.Delivery.Tests.Support;

/// <summary>A tiny HTTP endpoint (HttpListener on a loopback port) that keeps every call and answers <see cref="Status"/>.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<WebhookCall> _calls = new();
    private readonly Task _running;

    public WebhookReceiver()
    {
        Url = $"http://127.0.0.1:{FreePort.Next()}/o2c/messages/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _running = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public HttpStatusCode Status { get; set; } = HttpStatusCode.Accepted;

    public IReadOnlyList<WebhookCall> Calls => [.. _calls];

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _calls.Enqueue(new WebhookCall(
                context.Request.Headers["X-O2C-Signature"], context.Request.Headers["Idempotency-Key"], context.Request.ContentType, body.ToArray()));
            context.Response.StatusCode = (int)Status;
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _running;
        ((IDisposable)_listener).Dispose();
    }
}
