using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Dunning;

/// <summary>
/// An invoice as its dunning case sees it: its own due date and its own ladder level, and the
/// business date that level was sent (null before the first case message).
/// </summary>
public sealed record CaseInvoice(
    string InvoiceId,
    DateOnly DueDate,
    DunningStage Level,
    DateOnly? LevelReachedOn,
    decimal Outstanding,
    bool Disputed)
{
    /// <summary>Only open invoices are chased; a dispute pauses the chase for that invoice.</summary>
    public bool IsOpen => !Disputed && Outstanding > 0m;
}
