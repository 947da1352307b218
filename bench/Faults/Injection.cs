namespace O2C.Bench.Faults;

/// <summary>One fault injected and what followed it.</summary>
public sealed record Injection(FaultKind Kind, int Number, string What)
{
    /// <summary>Wall seconds from the fault's start to its end (restart ready, database up, SIGCONT).</summary>
    public double FaultSeconds { get; init; }

    /// <summary>Seconds from the fault's end until writes were acknowledged again (a streak of probes); null: not within the limit.</summary>
    public double? RecoverySeconds { get; init; }

    /// <summary>Probe orders acknowledged while the fault lasted (other silos serving).</summary>
    public int ServedDuringFault { get; init; }

    /// <summary>How the load's write attempts ended from the fault's start until after recovery.</summary>
    public IReadOnlyDictionary<WriteOutcome, long> Outcomes { get; init; } = new Dictionary<WriteOutcome, long>();

    public IntegrityCheck? Integrity { get; init; }

    /// <summary>silo-kill-advance: the storm after the advance again answered 200.</summary>
    public StormCohort.Outcome? Storm { get; init; }

    /// <summary>silo-kill-advance: an advance that answered 200 while its storm was not complete.</summary>
    public int PrematureSuccesses { get; init; }

    public string Notes { get; init; } = "";

    public long ServerErrors => Outcomes.GetValueOrDefault(WriteOutcome.ServerError) + Outcomes.GetValueOrDefault(WriteOutcome.UnavailableWithoutRetryAfter);

    public bool Passed =>
        Integrity is { Holds: true } && RecoverySeconds is <= FaultSuite.RecoveryLimitSeconds && ServerErrors == 0 && PrematureSuccesses == 0
        && Storm is null or { Complete: true, MessagesOnWrongDay: 0 };
}
