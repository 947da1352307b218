using System.Buffers;
using System.Collections.Concurrent;
using System.Net.Sockets;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using O2C.Tests.Support;

namespace O2C.Delivery.Tests.Support;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a loopback port, keeping every mail it accepts.
/// <see cref="Refusal"/> makes it answer the end of DATA with that reply instead, as a server in
/// trouble (4xx) or one refusing the message (5xx) would.
/// </summary>
public sealed class MailSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> _mails = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private int _dataCommands;

    private MailSink(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("sink.test").Port(port).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    private SmtpResponse? _refusal;
    private int _refusalsLeft;

    public IReadOnlyList<ReceivedMail> Mails => [.. _mails];

    /// <summary>Messages offered (accepted or refused).</summary>
    public int Offered => Volatile.Read(ref _dataCommands);

    /// <summary>Answers every message with <paramref name="reply"/> (e.g. 451 local error, 554 refused).</summary>
    public void RefuseAll(SmtpResponse reply) => RefuseNext(int.MaxValue, reply);

    /// <summary>Answers the next <paramref name="times"/> messages with <paramref name="reply"/>, then accepts again.</summary>
    public void RefuseNext(int times, SmtpResponse reply)
    {
        _refusal = reply;
        Volatile.Write(ref _refusalsLeft, times);
    }

    public static async Task<MailSink> StartAsync()
    {
        var sink = new MailSink(FreePort.Next());
        await sink.ListeningAsync();
        return sink;
    }

    // The server binds in the background: wait until a connection gets through, so no attempt meets a closed port.
    private async Task ListeningAsync()
    {
        await Eventually.Until(
            async () =>
            {
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync("127.0.0.1", Port);
                    return true;
                }
                catch (SocketException)
                {
                    return false;
                }
            },
            up => up, $"the SMTP sink to listen on {Port}", seconds: 10);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private sealed class Store(MailSink sink) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref sink._dataCommands);
            if (sink._refusal is { } refusal && Interlocked.Decrement(ref sink._refusalsLeft) >= 0)
            {
                return Task.FromResult(refusal);
            }

            using var stream = new MemoryStream(buffer.ToArray());
            var message = MimeKit.MimeMessage.Load(stream, cancellationToken);
            sink._mails.Enqueue(new ReceivedMail(
                Address(transaction.From), [.. transaction.To.Select(Address)], message));
            return Task.FromResult(SmtpResponse.Ok);
        }

        private static string Address(IMailbox mailbox) => $"{mailbox.User}@{mailbox.Host}";
    }
}
