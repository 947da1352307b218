namespace O2C.Delivery;

/// <summary>
/// What one claim of a channel's due messages gave: the messages to send now, and how many it
/// settled without sending (cancelled because their case or invoice was settled, or failed because
/// the silo sending their last attempt stopped before its lease ended).
/// </summary>
public sealed record ClaimResult(IReadOnlyList<OutgoingMessage> ToSend, int Cancelled, int Failed)
{
    public int Count => ToSend.Count + Cancelled + Failed;
}
