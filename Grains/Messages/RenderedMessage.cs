using O2C.Grains.Interfaces.Customers;

namespace O2C.Grains.Messages;

/// <summary>A message ready for the outbox. <see cref="Language"/> is the one actually used, after any fallback.</summary>
/// <param name="SmsParts">For an SMS, the parts it goes out in (see <see cref="SmsSegments"/>); 0 for e-mail and letter.</param>
public sealed record RenderedMessage(string TemplateName, string Subject, string Body, string Language, Channel Channel, int SmsParts);
