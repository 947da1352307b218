using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MimeKit.Text;

namespace O2C.Delivery.Channels;

/// <summary>E-mail over SMTP (MailKit): one session per message, plain text, the idempotency key as Message-ID.</summary>
internal sealed class SmtpChannel(SmtpOptions options, TimeSpan timeout) : IMessageChannel
{
    private readonly MailboxAddress _from = MailboxAddress.Parse(options.From!);

    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (message.Recipient is not { } recipient || !MailboxAddress.TryParse(recipient, out var to) || string.IsNullOrEmpty(to.Domain))
        {
            throw new UndeliverableMessageException("no valid e-mail address for the customer");
        }

        using var mail = new MimeMessage();
        mail.From.Add(_from);
        mail.To.Add(to);
        mail.Subject = message.Subject;
        mail.MessageId = $"{message.IdempotencyKey}@{(string.IsNullOrEmpty(_from.Domain) ? "o2c.invalid" : _from.Domain)}";
        mail.Body = new TextPart(TextFormat.Plain) { Text = message.Body };

        using var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        await client.ConnectAsync(options.Host!, options.Port, SocketOptions(), cancellationToken);
        if (!string.IsNullOrEmpty(options.User))
        {
            await client.AuthenticateAsync(options.User, options.Password ?? "", cancellationToken);
        }

        try
        {
            await client.SendAsync(mail, cancellationToken);
        }
        catch (SmtpCommandException refused) when ((int)refused.StatusCode >= 500
            && refused.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
        {
            // A 5xx for this recipient or this content is the server's final word (RFC 5321 4.2.1).
            throw new UndeliverableMessageException($"SMTP {(int)refused.StatusCode}: refused for good ({refused.ErrorCode})", refused);
        }

        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // The server has accepted the mail: a failed goodbye must not make it an error, which would send it again.
        }
    }

    private SecureSocketOptions SocketOptions() => options.UseTls
        ? options.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls
        : SecureSocketOptions.None;
}
