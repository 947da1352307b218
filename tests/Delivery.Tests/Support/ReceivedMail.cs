namespace O2C.Delivery.Tests.Support;

/// <summary>A mail the in-test SMTP server took: the envelope, and the message as MimeKit reads it.</summary>
public sealed record ReceivedMail(string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo, MimeKit.MimeMessage Message)
{
    /// <summary>The text body with the line ends SMTP gave it (CRLF) back to those of the stored message (LF).</summary>
    public string Text => (Message.TextBody ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
}
