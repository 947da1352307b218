namespace O2C.Grains.Interfaces.Dunning;

/// <summary>
/// A payment plan to agree on a case: instalments covering its open amount. <see cref="Replaces"/>
/// says the plan may take the place of a running promise or dispute (otherwise that is a conflict).
/// </summary>
[GenerateSerializer, Immutable, Alias("o2c.payment-plan-request")]
public sealed record PaymentPlanRequest(
    [Id(0)] IReadOnlyList<PlannedInstalment> Instalments,
    [Id(1)] bool Replaces,
    [Id(2)] string? Reason);
