namespace O2C.Delivery.Channels;

/// <summary>Hands one message to the outside world; returns once it was accepted, throws when it was not.</summary>
internal interface IMessageChannel
{
    /// <summary>Throws <see cref="UndeliverableMessageException"/> when retrying cannot help.</summary>
    Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}
