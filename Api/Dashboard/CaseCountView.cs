namespace O2C.Api.Dashboard;

/// <summary>Open cases (open, paused or in collection) with one stage or risk profile (<see cref="Key"/>).</summary>
public sealed record CaseCountView(string Key, long Cases, decimal OverdueAmount);
