using O2C.Grains.Interfaces.Customers;

namespace O2C.Grains.Messages;

/// <summary>A message ready for the outbox. <see cref="Language"/> is the one actually used, after any fallback.</summary>
public sealed record RenderedMessage(string TemplateName, string Subject, string Body, string Language, Channel Channel);
