namespace O2C.Delivery.Channels;

/// <summary>The <c>messages.channel</c> values, as <c>MessageComposer</c> writes them (<c>Channel.ToString()</c>).</summary>
internal static class ChannelNames
{
    public const string Email = "Email";
    public const string Sms = "Sms";
    public const string Letter = "Letter";

    public static IReadOnlyList<string> All { get; } = [Email, Sms, Letter];
}
