using O2C.Grains.Interfaces.Dunning;

namespace O2C.Grains.Interfaces.Preview;

/// <summary>
/// What a previewed case would tell its customer (a stage reached, a promise broken), so the
/// preview judges the customer afterwards as the run would: the risk profile sets later messages' tone.
/// </summary>
/// <param name="Stage">The stage reached; <see cref="DunningStage.None"/> for a broken promise.</param>
[GenerateSerializer, Immutable, Alias("o2c.customer-event")]
public sealed record CustomerEvent(
    [Id(0)] DateTimeOffset At,
    [Id(1)] string CaseId,
    [Id(2)] DunningStage Stage,
    [Id(3)] decimal PromisedAmount,
    [Id(4)] DateOnly PromisedFor);
