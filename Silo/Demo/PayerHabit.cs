namespace O2C.Silo.Demo;

/// <summary>How a demo customer pays its invoices.</summary>
public enum PayerHabit
{
    OnTime,
    Late,
    /// <summary>Half a few days late, the rest much later.</summary>
    Partly,
    Never,
}
