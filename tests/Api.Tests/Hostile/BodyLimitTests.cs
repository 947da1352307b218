using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using O2C.Tests.Support;
using Xunit.Abstractions;

namespace O2C.Api.Tests.Hostile;

/// <summary>
/// The 16 MB limit on a real Kestrel socket, for bodies that announce no length: issue 13 had
/// 28 MB chunked bodies accepted because only Content-Length was checked.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class BodyLimitTests(PostgresFixture postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private const long Sent = 256L * 1024 * 1024;

    private const int ChunkBytes = 64 * 1024;

    private TestCluster? _cluster;

    [Theory]
    [InlineData("/v1/payments")]
    [InlineData("/v1/orders/batch")]
    public async Task A_chunked_body_past_16_MB_is_a_413_problem_without_reading_the_rest(string path)
    {
        // A raw socket: HttpClient gives up on a request whose body the server stops reading, before
        // it reads the answer the server sent. This client keeps sending chunks while it listens.
        var address = _cluster!.Client.BaseAddress!;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST {path} HTTP/1.1\r\nHost: {address.Authority}\r\nX-Api-Key: {TestCluster.AdminKey}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"));
        var answer = ReadAnswerAsync(stream);
        var chunk = Chunk();
        long sent = 0;
        try
        {
            while (sent < Sent && !answer.IsCompleted)
            {
                await stream.WriteAsync(chunk);
                sent += ChunkBytes;
            }
        }
        catch (IOException)
        {
            // The server closed the connection: it will not read the rest.
        }

        var text = await answer.WaitAsync(TimeSpan.FromSeconds(30));
        output.WriteLine($"{path}: {sent / 1024} KB sent before the server stopped reading; answer: {text.Split('\r')[0]}");

        Assert.True(text.StartsWith("HTTP/1.1 413", StringComparison.Ordinal), $"{path} answered: {text[..Math.Min(text.Length, 400)]}");
        Assert.Contains("application/problem+json", text, StringComparison.OrdinalIgnoreCase);
        Assert.True(sent < 64L * 1024 * 1024, $"the client got to send {sent / (1024 * 1024)} MB of {Sent / (1024 * 1024)} MB");
        await using var count = _cluster.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("SELECT (SELECT count(*) FROM payments) + (SELECT count(*) FROM orders)");
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
    }

    public async Task InitializeAsync() =>
        _cluster = TestCluster.StartOn(await postgres.CreateDatabaseAsync(), onKestrel: true);

    public async Task DisposeAsync() => await _cluster!.DisposeAsync();

    // One chunk of 64 KB: a JSON array opened and never closed, spaces after it.
    private static byte[] Chunk()
    {
        var data = new byte[ChunkBytes];
        Array.Fill(data, (byte)' ');
        data[0] = (byte)'[';
        return [.. Encoding.ASCII.GetBytes($"{ChunkBytes:x}\r\n"), .. data, .. "\r\n"u8.ToArray()];
    }

    // Everything the server sends until it closes the connection (or resets it, after its answer).
    private static async Task<string> ReadAnswerAsync(NetworkStream stream)
    {
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException) when (received.Length > 0)
        {
        }

        return Encoding.UTF8.GetString(received.ToArray());
    }
}
