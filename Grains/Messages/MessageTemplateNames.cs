using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Messages;

/// <summary>Template names: <c>{stage}.{profile}.{channel}.{language}</c>, all lower case.</summary>
internal static class MessageTemplateNames
{
    private static readonly IReadOnlyDictionary<DunningStage, string> StageTokens = new Dictionary<DunningStage, string>
    {
        [DunningStage.PreDueReminder] = "predue",
        [DunningStage.Reminder] = "reminder",
        [DunningStage.SecondReminder] = "second",
        [DunningStage.FinalNotice] = "final",
        [DunningStage.Collection] = "collection",
    };

    public static IReadOnlyList<DunningStage> Stages { get; } = StageTokens.Keys.ToList();

    public static string NameFor(DunningStage stage, RiskProfile profile, Channel channel, string language) =>
        StageTokens.TryGetValue(stage, out var token)
            ? $"{token}.{Token(profile)}.{Token(channel)}.{LanguageFormats.Normalize(language)}"
            : throw new ArgumentOutOfRangeException(nameof(stage), stage, "No message is sent at this stage.");

    /// <summary>Every name a complete language has: each stage, profile and channel.</summary>
    public static IEnumerable<string> All(string language) =>
        from stage in Stages
        from profile in Enum.GetValues<RiskProfile>()
        from channel in Enum.GetValues<Channel>()
        select NameFor(stage, profile, channel, language);

    public static bool TryParse(string name, out DunningStage stage, out RiskProfile profile, out Channel channel, out string language)
    {
        stage = default;
        profile = default;
        channel = default;
        language = string.Empty;
        var parts = name.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        var token = parts[0];
        stage = StageTokens.FirstOrDefault(p => p.Value == token).Key;
        language = parts[3];
        return stage != DunningStage.None
            && TryParseToken(parts[1], out profile)
            && TryParseToken(parts[2], out channel)
            && language.Length > 0
            && language == LanguageFormats.Normalize(language);
    }

    // Names are lower case by convention; "Low" in a file name is a typo, not a profile.
    private static bool TryParseToken<T>(string token, out T value)
        where T : struct, Enum
    {
        value = Enum.GetValues<T>().FirstOrDefault(v => string.Equals(Token(v), token, StringComparison.Ordinal));
        return string.Equals(Token(value), token, StringComparison.Ordinal);
    }

    private static string Token<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
