using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Dunning;

/// <summary>One invoice moving one rung up its ladder.</summary>
public sealed record InvoiceAdvance(string InvoiceId, DunningStage From, DunningStage To);
