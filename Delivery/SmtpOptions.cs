namespace O2C.Delivery;

/// <summary>Configuration section <c>O2C:Delivery:Smtp</c>.</summary>
public sealed class SmtpOptions
{
    /// <summary>The SMTP server; unset, e-mails stay Queued.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>The sender address, e.g. <c>Accounts Receivable &lt;ar@example.com&gt;</c>; its domain also ends every Message-ID.</summary>
    public string? From { get; set; }

    /// <summary>Authenticates with <see cref="Password"/> when set.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>TLS: on connect for port 465, else STARTTLS (required). Off: plain SMTP, for a relay on the same host or network.</summary>
    public bool UseTls { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
