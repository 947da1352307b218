namespace O2C.Silo.Hosting;

/// <summary>Which reminder table Orleans' reminder service uses (<c>O2C:Reminders:Table</c>); both keep <c>orleansreminderstable</c>.</summary>
public enum ReminderTableProvider
{
    /// <summary>Ours (<c>O2C.Storage.O2CReminderTable</c>): the registrations, removals and look-ups of many grains share statements.</summary>
    O2C,

    /// <summary>Orleans' stock AdoNet reminder table: a statement and a commit per reminder.</summary>
    AdoNet,
}
