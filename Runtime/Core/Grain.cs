using O2C.Runtime.Activation;
using O2C.Runtime.Reminders;

namespace O2C.Runtime;

/// <summary>
/// Base class of every grain, shaped like Orleans' <c>Grain</c>: one activation per key,
/// one turn at a time, lifecycle hooks, reminders and a grain factory for calling others.
/// </summary>
public abstract class Grain
{
    private GrainActivation? _activation;

    internal GrainActivation Activation =>
        _activation ?? throw new InvalidOperationException("The grain is not attached to an activation yet; use OnActivateAsync, not the constructor.");

    internal void Attach(GrainActivation activation) => _activation = activation;

    public GrainId GrainId => Activation.Id;

    protected IGrainFactory GrainFactory => Activation.Runtime;

    /// <summary>Runs before the first call of an activation, after persistent state was read.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs when the activation is collected or asked to deactivate.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation once the current turn ends.</summary>
    protected void DeactivateOnIdle() => Activation.RequestDeactivation();

    /// <summary>Registers a periodic reminder, first due <paramref name="dueTime"/> from business now.</summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        if (period <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "A periodic reminder needs a positive period; use the DateTimeOffset overload for a one-shot reminder.");
        }

        return Activation.Runtime.Reminders.RegisterAsync(GrainId, reminderName, Activation.Runtime.Clock.GetUtcNow() + dueTime, period);
    }

    /// <summary>Registers a one-shot reminder due at a business time (a due date, say); it is removed once delivered.</summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, DateTimeOffset dueAt) =>
        Activation.Runtime.Reminders.RegisterAsync(GrainId, reminderName, dueAt, period: null);

    protected Task UnregisterReminder(IGrainReminder reminder) =>
        Activation.Runtime.Reminders.UnregisterAsync(GrainId, reminder.ReminderName);

    protected Task<IGrainReminder?> GetReminder(string reminderName) =>
        Activation.Runtime.Reminders.GetAsync(GrainId, reminderName);

    protected Task<IReadOnlyList<IGrainReminder>> GetReminders() =>
        Activation.Runtime.Reminders.GetAllAsync(GrainId);
}
