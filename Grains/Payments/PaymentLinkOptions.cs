namespace O2C.Grains.Payments;

/// <summary>Configuration section <c>O2C:Payments</c>.</summary>
public sealed class PaymentLinkOptions
{
    public const string LinkTemplateKey = "O2C:Payments:LinkTemplate";

    /// <summary>
    /// The payment page a message links to, with placeholders filled at render time, e.g.
    /// <c>https://pay.example.com/{reference}?amount={amount}&amp;currency={currency}</c>; see
    /// <see cref="PaymentLinkTemplate"/>. Unset: messages carry no payment link.
    /// </summary>
    public string? LinkTemplate { get; set; }
}
