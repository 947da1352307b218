namespace O2C.Grains.Messages;

/// <summary>Configuration section <c>O2C:Messages</c>. The payment link is configured under <c>O2C:Payments</c>.</summary>
public sealed class MessageOptions
{
    /// <summary>A folder whose <c>.scriban</c> files override the shipped templates by name, or add languages, without a rebuild.</summary>
    public string? TemplateFolder { get; set; }
}
