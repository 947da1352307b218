using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Dunning;

/// <summary>
/// One rung of a dunning ladder: which stage, how many days after the invoice's due date
/// (negative = before it), and over which channels. Settable properties so configuration can bind it.
/// </summary>
public sealed record LadderStep
{
    public LadderStep()
    {
    }

    public LadderStep(DunningStage stage, int offsetDays, params Channel[] channels)
    {
        Stage = stage;
        OffsetDays = offsetDays;
        Channels = channels;
    }

    public DunningStage Stage { get; init; }

    public int OffsetDays { get; init; }

    public IReadOnlyList<Channel> Channels { get; init; } = [];

    // Channels compared by content: two ladders from the same configuration must be equal.
    public bool Equals(LadderStep? other) =>
        other is not null && Stage == other.Stage && OffsetDays == other.OffsetDays && Channels.SequenceEqual(other.Channels);

    public override int GetHashCode() => HashCode.Combine(Stage, OffsetDays, Channels.Count);
}
