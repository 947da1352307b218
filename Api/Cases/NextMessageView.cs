using O2C.Api.Clock;
using O2C.Grains.Interfaces.Dunning;

namespace O2C.Api.Cases;

/// <summary>
/// A case's next step as the run would send it: when, at which stage, and each channel's message
/// with its text and the invoices it lists. <see cref="When"/> is null when the case sends nothing
/// more (closed, handed over, or nothing left to climb).
/// </summary>
public sealed record NextMessageView(
    string CaseId,
    string CustomerId,
    CaseStatus Status,
    DateTimeOffset? When,
    DunningStage? Stage,
    IReadOnlyList<PreviewedMessage> Messages);
