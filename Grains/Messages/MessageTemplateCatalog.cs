using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Messages;

/// <summary>
/// The dunning message templates, one Scriban file each, named
/// <c>{stage}.{profile}.{channel}.{language}.scriban</c> with stage one of predue, reminder, second,
/// final, collection; profile low, medium, high; channel email, sms, letter; language an ISO 639-1
/// code (e.g. <c>final.high.letter.de.scriban</c>). The shipped files live in the <c>Templates</c>
/// folder next to the binaries; an operator's override folder replaces files of the same name, or
/// adds a language, without a rebuild. Every file is parsed at load and rendered against sample
/// models by <see cref="Validate"/>, so a broken template stops the start, not a customer's message.
/// A language is complete or absent: English, the fallback, must be, and so must any other
/// language that has a file, lest a customer get half their ladder in another language.
/// </summary>
public sealed class MessageTemplateCatalog
{
    public const string Extension = ".scriban";

    // The old template format: a leftover in an override folder would be silently ignored.
    private const string RetiredExtension = ".hbs";

    private readonly IReadOnlyDictionary<string, MessageTemplate> _templates;
    private readonly IReadOnlyList<string> _loadProblems;

    // Files that exist but do not parse: reported as broken, not again as missing.
    private readonly IReadOnlySet<string> _unparsed;

    private MessageTemplateCatalog(
        IReadOnlyDictionary<string, MessageTemplate> templates, IReadOnlySet<string> unparsed, IReadOnlyList<string> loadProblems, IReadOnlyList<string> folders)
    {
        _templates = templates;
        _unparsed = unparsed;
        _loadProblems = loadProblems;
        Folders = folders;
    }

    /// <summary>The <c>Templates</c> folder copied next to the binaries at build.</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "Templates");

    /// <summary>The folders read, shipped one first.</summary>
    public IReadOnlyList<string> Folders { get; }

    /// <summary>Every template name whose file parsed, e.g. <c>reminder.low.email.en</c>.</summary>
    public IReadOnlyCollection<string> Names => _templates.Keys.ToList();

    public static IReadOnlyList<DunningStage> Stages => MessageTemplateNames.Stages;

    /// <summary>Loads <paramref name="folder"/>, then lets <paramref name="overrideFolder"/> (if any) replace files by name.</summary>
    public static MessageTemplateCatalog Load(string? overrideFolder = null, string? folder = null)
    {
        folder ??= DefaultFolder;
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Message template folder {folder} does not exist.");
        }

        var files = new Dictionary<string, (string File, string Text)>(StringComparer.Ordinal);
        var problems = new List<string>();
        var folders = new List<string> { folder };
        Read(folder, files, problems);
        if (!string.IsNullOrWhiteSpace(overrideFolder))
        {
            if (!Directory.Exists(overrideFolder))
            {
                throw new DirectoryNotFoundException($"Message template override folder {overrideFolder} (O2C:Messages:TemplateFolder) does not exist.");
            }

            folders.Add(overrideFolder);
            Read(overrideFolder, files, problems);
        }

        return Parse(files, problems, folders);
    }

    /// <summary>Builds a catalog from name (without extension) → file text, for tests and tools.</summary>
    public static MessageTemplateCatalog FromSources(IReadOnlyDictionary<string, string> sources) =>
        Parse(sources.ToDictionary(s => s.Key, s => (s.Key + Extension, s.Value), StringComparer.Ordinal), [], []);

    public static string NameFor(DunningStage stage, RiskProfile profile, Channel channel, string language) =>
        MessageTemplateNames.NameFor(stage, profile, channel, language);

    public bool Contains(string name) => _templates.ContainsKey(name);

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

    /// <summary>Every missing or broken template, one sentence each naming the file (and line); empty when all is well.</summary>
    public IReadOnlyList<string> FindProblems()
    {
        var problems = new List<string>(_loadProblems);
        var languages = _templates.Keys.Concat(_unparsed)
            .Select(n => MessageTemplateNames.TryParse(n, out _, out _, out _, out var language) ? language : LanguageFormats.Fallback)
            .Append(LanguageFormats.Fallback)
            .Distinct()
            .Order(StringComparer.Ordinal);
        foreach (var language in languages)
        {
            var missing = MessageTemplateNames.All(language).Where(n => !Contains(n) && !_unparsed.Contains(n)).ToList();
            if (missing.Count > 0)
            {
                problems.Add($"language '{language}' misses {missing.Count} template(s): {string.Join(", ", missing.Select(n => n + Extension))}");
            }
        }

        foreach (var template in _templates.Values.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            if (!MessageTemplateNames.TryParse(template.Name, out var stage, out var profile, out var channel, out var language))
            {
                problems.Add($"Message template {template.File}: the name is not stage.profile.channel.language{Extension}");
                continue;
            }

            try
            {
                foreach (var sample in MessageContext.Samples(stage, profile, channel, language))
                {
                    template.Render(MessageContext.From(sample, language));
                }
            }
            catch (MessageTemplateException ex)
            {
                problems.Add(ex.Message);
            }
        }

        return problems;
    }

    /// <summary>Fails with one line naming every missing and broken template.</summary>
    public void Validate()
    {
        var problems = FindProblems();
        if (problems.Count > 0)
        {
            var where = Folders.Count > 0 ? $" in {string.Join(" + ", Folders)}" : string.Empty;
            throw new InvalidOperationException($"Message templates{where} are not usable ({problems.Count} problem(s)): {string.Join("; ", problems)}");
        }
    }

    internal RenderedMessage Render(string name, MessageModel model, string language)
    {
        var (subject, body) = _templates[name].Render(MessageContext.From(model, language));
        if (model.Channel != Channel.Sms)
        {
            return new RenderedMessage(name, subject, body, language, model.Channel, SmsParts: 0);
        }

        body = SmsSegments.ForSms(body);
        return new RenderedMessage(name, subject, body, language, model.Channel, SmsSegments.Split(body).Count);
    }

    private static MessageTemplateCatalog Parse(Dictionary<string, (string File, string Text)> files, List<string> problems, IReadOnlyList<string> folders)
    {
        var templates = new Dictionary<string, MessageTemplate>(StringComparer.Ordinal);
        var unparsed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, (file, text)) in files)
        {
            try
            {
                templates[name] = MessageTemplate.Parse(name, file, text);
            }
            catch (MessageTemplateException ex)
            {
                unparsed.Add(name);
                problems.Add(ex.Message);
            }
        }

        return new MessageTemplateCatalog(templates, unparsed, problems, folders);
    }

    private static void Read(string folder, Dictionary<string, (string File, string Text)> files, List<string> problems)
    {
        foreach (var path in Directory.EnumerateFiles(folder, "*" + Extension))
        {
            files[Path.GetFileNameWithoutExtension(path)] = (path, File.ReadAllText(path));
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*" + RetiredExtension).Order(StringComparer.Ordinal))
        {
            problems.Add($"Message template {path}: {RetiredExtension} files are no longer read; templates are Scriban, named *{Extension}");
        }
    }
}
