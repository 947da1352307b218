namespace O2C.Delivery;

/// <summary>Configuration section <c>O2C:Delivery</c>: how queued messages are handed to their channels.</summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "O2C:Delivery";

    /// <summary>E-mail over SMTP; unset <see cref="SmtpOptions.Host"/> leaves e-mails Queued.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>SMS and letters to an HTTP endpoint; unset <see cref="WebhookOptions.Url"/> leaves them Queued.</summary>
    public WebhookOptions Webhook { get; set; } = new();

    /// <summary>Attempts a message gets (the first included) before it is Failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the second attempt; doubled for each one after, up to <see cref="MaxBackoff"/>, with jitter.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between two attempts.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long (wall time of the database) a claimed message belongs to the silo that claimed it.
    /// A silo that dies mid-send leaves the message to be claimed again once this has passed; it
    /// must outlast <see cref="SendTimeout"/>, so a slow send is never taken over while it runs.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest one hand-over to a channel may take (SMTP session, webhook call).</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often (wall time) a silo with nothing to send looks for queued messages again.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most messages of one channel one claim takes.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Messages of one channel handed over at once per silo.</summary>
    public int MaxParallelSends { get; set; } = 4;
}
