namespace O2C.Delivery;

/// <summary>Configuration section <c>O2C:Delivery:Webhook</c>: where SMS and letters are posted.</summary>
public sealed class WebhookOptions
{
    /// <summary>The endpoint (http or https) that receives each SMS and letter as JSON; unset, they stay Queued.</summary>
    public string? Url { get; set; }

    /// <summary>Key of the HMAC-SHA256 signature in <c>X-O2C-Signature</c>; required with <see cref="Url"/>.</summary>
    public string? Secret { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);
}
