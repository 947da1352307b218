namespace O2C.Delivery;

/// <summary>
/// A message that can never go out as it is (no recipient, an address or content the server refuses
/// for good): failed at once instead of retried. The message text names no person; the inner
/// exception carries the server's own words.
/// </summary>
public sealed class UndeliverableMessageException(string message, Exception? inner = null) : Exception(message, inner);
