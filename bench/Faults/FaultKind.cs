namespace O2C.Bench.Faults;

/// <summary>The faults of issue 14, each injected at seeded random moments.</summary>
public enum FaultKind
{
    /// <summary><c>kill -9</c> of one silo under ingest load, then a restart on the same ports.</summary>
    SiloKill,

    /// <summary><c>kill -9</c> of one silo while <c>POST /v1/clock/advance</c> works through a storm; restart, advance again.</summary>
    SiloKillDuringAdvance,

    /// <summary><c>pg_ctl restart -m fast</c> under ingest load.</summary>
    DatabaseRestart,

    /// <summary>PostgreSQL stopped for 15 seconds (<c>pg_ctl stop -m fast</c>, then start) under ingest load.</summary>
    DatabaseStop,

    /// <summary><c>pg_terminate_backend</c> of every connection of the silos under ingest load.</summary>
    ConnectionsTerminated,

    /// <summary>SIGSTOP of one silo until Orleans' membership declares it dead, then SIGCONT.</summary>
    SiloPause,
}
