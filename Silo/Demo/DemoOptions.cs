namespace O2C.Silo.Demo;

/// <summary><c>O2C:Demo</c>: the synthetic workload of <c>--demo</c>.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "O2C:Demo";

    public bool Enabled { get; set; }

    /// <summary>Orders placed per wall second, spread over all demo customers.</summary>
    public double OrdersPerSecond { get; set; } = 4;

    /// <summary>Customers per (risk profile, language) pair: 3 x 3 x this many.</summary>
    public int CustomersPerGroup { get; set; } = 4;

    /// <summary>Empties the demo's own embedded database folder at start, so every demo starts on day one.</summary>
    public bool ResetDatabase { get; set; } = true;
}
