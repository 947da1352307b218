namespace O2C.Grains.Messages;

/// <summary>Configuration section <c>O2C:Messages</c>.</summary>
public sealed class MessageOptions
{
    /// <summary>A folder whose template files override the shipped ones by name, without a rebuild.</summary>
    public string? TemplateFolder { get; set; }

    /// <summary>The payment page; the invoice's payment reference is appended.</summary>
    public string PaymentLinkBase { get; set; } = "https://pay.example.com/o2c/";
}
