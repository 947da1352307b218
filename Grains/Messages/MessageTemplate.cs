using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace O2C.Grains.Messages;

/// <summary>
/// One template file, parsed once. The first line is <c>Subject: ...</c>; the rest is the body.
/// The whole file is one Scriban template, so an error's line is the file's line. Rendering is
/// strict: an unknown variable, or an unknown member of a known one, is an error naming the line,
/// never an empty string in a customer's message.
/// </summary>
internal sealed class MessageTemplate
{
    private const string SubjectPrefix = "Subject:";

    // Scriban's functions (string.upcase, ...) built once and shared: a fresh set per render costs
    // ~10x the render itself. Read-only, so no template can change them for the next one.
    private static readonly ScriptObject Builtins = Sealed(TemplateContext.GetDefaultBuiltinObject());

    private readonly Template _template;

    private MessageTemplate(string name, string file, Template template)
    {
        Name = name;
        File = file;
        _template = template;
    }

    /// <summary>Name without extension, e.g. <c>reminder.low.email.en</c>.</summary>
    public string Name { get; }

    /// <summary>Where it came from, for error messages.</summary>
    public string File { get; }

    /// <exception cref="MessageTemplateException">The text does not parse or has no subject line.</exception>
    public static MessageTemplate Parse(string name, string file, string text)
    {
        text = text.ReplaceLineEndings("\n");
        if (!text.StartsWith(SubjectPrefix, StringComparison.Ordinal))
        {
            throw new MessageTemplateException(file, 1, $"the first line must be '{SubjectPrefix} ...'");
        }

        var template = Template.Parse(text, file);
        if (template.HasErrors)
        {
            var error = template.Messages.First(m => m.Type == Scriban.Parsing.ParserMessageType.Error);
            throw new MessageTemplateException(file, error.Span.Start.Line + 1, error.Message);
        }

        return new MessageTemplate(name, file, template);
    }

    /// <exception cref="MessageTemplateException">The template uses something the model does not have, or fails otherwise.</exception>
    public (string Subject, string Body) Render(ScriptObject globals)
    {
        var context = new TemplateContext(Builtins)
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            EnableRelaxedTargetAccess = false,
            // The invoice list of a consolidated message is bounded by the case, not by Scriban's 1000.
            LoopLimit = 0,
            NewLine = "\n",
        };
        context.PushGlobal(globals);
        string text;
        try
        {
            text = _template.Render(context);
        }
        catch (ScriptRuntimeException ex)
        {
            throw new MessageTemplateException(File, ex.Span.Start.Line + 1, ex.OriginalMessage, ex);
        }
        catch (Exception ex) when (ex is not MessageTemplateException)
        {
            // Anything a template can do wrong must come out as the one line naming the file.
            throw new MessageTemplateException(File, null, ex.Message, ex);
        }

        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        var subject = (newline < 0 ? text : text[..newline])[SubjectPrefix.Length..].Trim();
        if (subject.Length == 0)
        {
            throw new MessageTemplateException(File, 1, "the subject is empty");
        }

        var body = newline < 0 ? string.Empty : text[(newline + 1)..].Trim('\n').TrimEnd();
        return (subject, body);
    }

    private static ScriptObject Sealed(ScriptObject functions)
    {
        functions.IsReadOnly = true;
        foreach (var nested in functions.Values.OfType<ScriptObject>().Where(o => !o.IsReadOnly))
        {
            Sealed(nested);
        }

        return functions;
    }
}
