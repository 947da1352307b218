using O2C.Runtime;

namespace O2C.Grains.Common;

/// <summary>
/// What every order-to-cash grain shares: one state facet, business time, and writes that
/// never leave memory ahead of the database.
/// </summary>
public abstract class DomainGrain<TState>(IPersistentState<TState> state, BusinessClock clock) : Grain where TState : new()
{
    protected TState State => state.State;

    protected bool RecordExists => state.RecordExists;

    protected BusinessClock Clock => clock;

    protected DateTimeOffset Now => clock.GetUtcNow();

    protected DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    protected string Key => this.GetPrimaryKeyString();

    /// <summary>
    /// Writes the state with its rows. If the write fails, this activation's memory holds changes
    /// the database refused, so the activation is dropped and the next call starts from the truth.
    /// </summary>
    protected async Task SaveAsync(CommitRows rows)
    {
        try
        {
            await state.WriteStateAsync(rows);
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>Business midnight (UTC) of a date: when day-based reminders fire.</summary>
    protected static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
