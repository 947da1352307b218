using System.Collections.Concurrent;
using HandlebarsDotNet;
using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Messages;

/// <summary>
/// The dunning message templates, one Handlebars file each, named
/// <c>{stage}.{profile}.{channel}.{language}.hbs</c> with stage one of predue, reminder, second,
/// final, collection; profile low, medium, high; channel email, sms, letter; language an ISO 639-1
/// code (e.g. <c>final.high.letter.de.hbs</c>). A file's first line is <c>Subject: ...</c>
/// (Handlebars too); the rest is the body. Messages are plain text, so nothing is HTML-escaped.
/// The shipped files live in the <c>Templates</c> folder next to the binaries; an operator's
/// override folder replaces files of the same name, or adds languages, without a rebuild.
/// Templates are strict: a variable the model does not supply is an error, not an empty string.
/// </summary>
public sealed class MessageTemplateCatalog
{
    private const string Extension = ".hbs";
    private const string SubjectPrefix = "Subject:";

    private static readonly IReadOnlyDictionary<DunningStage, string> StageTokens = new Dictionary<DunningStage, string>
    {
        [DunningStage.PreDueReminder] = "predue",
        [DunningStage.Reminder] = "reminder",
        [DunningStage.SecondReminder] = "second",
        [DunningStage.FinalNotice] = "final",
        [DunningStage.Collection] = "collection",
    };

    private readonly IReadOnlyDictionary<string, string> _sources;
    private readonly ConcurrentDictionary<string, CompiledTemplate> _compiled = new(StringComparer.Ordinal);
    private readonly IHandlebars _handlebars = Handlebars.Create(new HandlebarsConfiguration
    {
        ThrowOnUnresolvedBindingExpression = true,
        NoEscape = true,
    });

    private MessageTemplateCatalog(IReadOnlyDictionary<string, string> sources, IReadOnlyList<string> folders)
    {
        _sources = sources;
        Folders = folders;
    }

    /// <summary>The <c>Templates</c> folder copied next to the binaries at build.</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "Templates");

    /// <summary>The folders read, shipped one first.</summary>
    public IReadOnlyList<string> Folders { get; }

    public IReadOnlyCollection<string> Names => _sources.Keys.ToList();

    public static IReadOnlyList<DunningStage> Stages { get; } = StageTokens.Keys.ToList();

    /// <summary>Loads <paramref name="folder"/>, then lets <paramref name="overrideFolder"/> (if any) replace files by name.</summary>
    public static MessageTemplateCatalog Load(string? overrideFolder = null, string? folder = null)
    {
        folder ??= DefaultFolder;
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Message template folder {folder} does not exist.");
        }

        var folders = new List<string> { folder };
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        Read(folder, sources);
        if (!string.IsNullOrWhiteSpace(overrideFolder))
        {
            if (!Directory.Exists(overrideFolder))
            {
                throw new DirectoryNotFoundException($"Message template override folder {overrideFolder} does not exist.");
            }

            folders.Add(overrideFolder);
            Read(overrideFolder, sources);
        }

        return new MessageTemplateCatalog(sources, folders);
    }

    /// <summary>Builds a catalog from name → file text, for tests and tools.</summary>
    public static MessageTemplateCatalog FromSources(IReadOnlyDictionary<string, string> sources) =>
        new(new Dictionary<string, string>(sources, StringComparer.Ordinal), []);

    public static string NameFor(DunningStage stage, RiskProfile profile, Channel channel, string language) =>
        StageTokens.TryGetValue(stage, out var token)
            ? $"{token}.{Token(profile)}.{Token(channel)}.{LanguageFormats.Normalize(language)}"
            : throw new ArgumentOutOfRangeException(nameof(stage), stage, "No message is sent at this stage.");

    public bool Contains(string name) => _sources.ContainsKey(name);

    /// <summary>The template for the language, else the English one; null when neither exists.</summary>
    public string? Resolve(DunningStage stage, RiskProfile profile, Channel channel, string language)
    {
        var wanted = NameFor(stage, profile, channel, language);
        if (Contains(wanted))
        {
            return wanted;
        }

        var fallback = NameFor(stage, profile, channel, LanguageFormats.Fallback);
        return Contains(fallback) ? fallback : null;
    }

    /// <summary>Every missing or broken template, one sentence each; empty when all is well.</summary>
    public IReadOnlyList<string> FindProblems()
    {
        var problems = new List<string>();
        var missing =
            (from stage in Stages
             from profile in Enum.GetValues<RiskProfile>()
             from channel in Enum.GetValues<Channel>()
             let name = NameFor(stage, profile, channel, LanguageFormats.Fallback)
             where !Contains(name)
             select name + Extension).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"missing {missing.Count}: {string.Join(", ", missing)}");
        }

        foreach (var name in _sources.Keys.Order(StringComparer.Ordinal))
        {
            if (!TryParseName(name, out var stage, out var profile, out var channel, out var language))
            {
                problems.Add($"{name}{Extension}: the name is not stage.profile.channel.language");
                continue;
            }

            try
            {
                Render(name, MessageContext.Sample(stage, profile, channel, language), language);
            }
            catch (Exception ex)
            {
                // Anything a template can do wrong must end up in the one startup message.
                problems.Add(ex is InvalidOperationException ? ex.Message : $"Template {name}{Extension}: {ex.Message}");
            }
        }

        return problems;
    }

    /// <summary>Fails with one message naming every missing and broken template.</summary>
    public void Validate()
    {
        var problems = FindProblems();
        if (problems.Count > 0)
        {
            var where = Folders.Count > 0 ? $" in {string.Join(" + ", Folders)}" : string.Empty;
            throw new InvalidOperationException($"Message templates{where} are not usable: {string.Join("; ", problems)}");
        }
    }

    internal RenderedMessage Render(string name, MessageModel model, string language)
    {
        var template = _compiled.GetOrAdd(name, Compile);
        var context = MessageContext.From(model, language);
        try
        {
            return new RenderedMessage(name, template.Subject(context).Trim(), template.Body(context), language, model.Channel);
        }
        catch (Exception ex) when (ex is HandlebarsException or HandlebarsDotNet.Compiler.HandlebarsUndefinedBindingException)
        {
            throw new InvalidOperationException($"Template {name}{Extension} cannot be rendered: {ex.Message}", ex);
        }
    }

    private CompiledTemplate Compile(string name)
    {
        var text = _sources[name].ReplaceLineEndings("\n");
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        var first = newline < 0 ? text : text[..newline];
        if (!first.StartsWith(SubjectPrefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Template {name}{Extension} must start with a '{SubjectPrefix}' line.");
        }

        var body = newline < 0 ? string.Empty : text[(newline + 1)..].TrimStart('\n');
        try
        {
            return new CompiledTemplate(_handlebars.Compile(first[SubjectPrefix.Length..]), _handlebars.Compile(body));
        }
        catch (HandlebarsException ex)
        {
            throw new InvalidOperationException($"Template {name}{Extension} does not compile: {ex.Message}", ex);
        }
    }

    private static void Read(string folder, Dictionary<string, string> sources)
    {
        foreach (var path in Directory.EnumerateFiles(folder, "*" + Extension))
        {
            sources[Path.GetFileNameWithoutExtension(path)] = File.ReadAllText(path);
        }
    }

    private static bool TryParseName(string name, out DunningStage stage, out RiskProfile profile, out Channel channel, out string language)
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

    private sealed record CompiledTemplate(HandlebarsTemplate<object, object> Subject, HandlebarsTemplate<object, object> Body);
}
