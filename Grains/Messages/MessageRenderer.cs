namespace O2C.Grains.Messages;

/// <summary>Renders dunning messages from the catalog's templates, falling back to English when a language is missing.</summary>
public sealed class MessageRenderer(MessageTemplateCatalog catalog)
{
    /// <exception cref="MessageTemplateException">The template fails for this model (start-up validation makes this rare).</exception>
    public RenderedMessage Render(MessageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var name = catalog.Resolve(model.Stage, model.Profile, model.Channel, model.Language)
            ?? throw new InvalidOperationException(
                $"No template for {MessageTemplateCatalog.NameFor(model.Stage, model.Profile, model.Channel, model.Language)}, nor its English fallback.");
        var language = name[(name.LastIndexOf('.') + 1)..];
        return catalog.Render(name, model, language);
    }
}
