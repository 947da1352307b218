using System.Security.Cryptography;
using System.Text;

namespace O2C.Delivery;

/// <summary>
/// A message claimed for one attempt. <see cref="Attempt"/> is the claim's fencing token: only the
/// attempt that still holds the message may record its outcome.
/// </summary>
public sealed record OutgoingMessage(
    string MessageId,
    string Channel,
    string? CaseId,
    string? InvoiceId,
    string CustomerId,
    string Stage,
    string Language,
    string? Recipient,
    string Subject,
    string Body,
    int Attempt)
{
    /// <summary>
    /// The same for every attempt of this message: the webhook's <c>idempotencyKey</c> and the local
    /// part of the e-mail's Message-ID, so a receiver can drop a repeat. A hash of the message id,
    /// because ids may hold characters (<c>:</c>) a Message-ID may not.
    /// </summary>
    public string IdempotencyKey { get; } = "o2c-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(MessageId)))[..32];
}
