using O2C.Clock;
using O2C.Runtime;

namespace O2C.Grains.Common;

/// <summary>
/// What every order-to-cash grain shares: one state facet, business time, and writes that
/// never leave memory ahead of the database.
/// </summary>
public abstract class DomainGrain<TState>(IPersistentState<TState> state, BusinessClock clock) : Grain where TState : new()
{
    protected TState State
    {
        get => state.State;
        set => state.State = value;
    }

    protected bool RecordExists => state.RecordExists;

    /// <summary>
    /// Whether the state exists, reading it again when this activation saw none: another grain
    /// may have created it since (a customer creates its invoices in its own transaction).
    /// </summary>
    protected async Task<bool> ExistsAsync()
    {
        if (!state.RecordExists)
        {
            await state.ReadStateAsync();
        }

        return state.RecordExists;
    }

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

    protected static DateTimeOffset StartOf(DateOnly date) => BusinessDays.StartOf(date);
}
