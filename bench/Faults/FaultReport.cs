using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using O2C.Bench.Reporting;

namespace O2C.Bench.Faults;

/// <summary>What a fault run found: per fault kind, injections, recovery and what was lost or doubled; the totals; one JSON file.</summary>
public sealed class FaultReport(int seed, IReadOnlyList<Injection> injections, WriteLedger ledger, int unexpectedExits, IntegrityCheck final, TimeSpan duration)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public int Seed => seed;
    public IReadOnlyList<Injection> Injections => injections;
    public int AcknowledgedOrders => ledger.Orders;
    public int AcknowledgedPayments => ledger.Payments;
    public long AbandonedOrders => ledger.AbandonedOrders;
    public int AbandonedPayments => ledger.AbandonedPayments;
    public int UnexpectedExits => unexpectedExits;
    public IntegrityCheck Final => final;
    public double DurationSeconds => duration.TotalSeconds;
    public MachineInfo Machine { get; } = MachineInfo.Describe();

    public bool Passed => final.Holds && injections.All(i => i.Passed) && unexpectedExits == 0;

    public IReadOnlyList<KindSummary> Kinds => [.. injections.GroupBy(i => i.Kind).Select(g => new KindSummary(
        FaultNames.Of(g.Key), g.Count(), g.Count(i => i.Passed),
        g.Any(i => i.RecoverySeconds is null) ? null : g.Max(i => i.RecoverySeconds), g.Max(i => i.FaultSeconds),
        g.Sum(i => i.Outcomes.GetValueOrDefault(WriteOutcome.Unavailable)), g.Sum(i => i.ServerErrors),
        g.Sum(i => i.Outcomes.GetValueOrDefault(WriteOutcome.NoAnswer) + i.Outcomes.GetValueOrDefault(WriteOutcome.TimedOut)),
        g.Max(i => i.Integrity?.Lost ?? 0), g.Max(i => i.Integrity?.Duplicated ?? 0),
        g.Sum(i => i.Storm?.MessagesOnWrongDay ?? 0), g.Sum(i => i.PrematureSuccesses)))];

    public static string Describe(Injection i) =>
        $"{(i.Passed ? "ok" : "FAILED")}: {i.What}; fault {i.FaultSeconds:0.0} s, recovery {Seconds(i.RecoverySeconds)} s, "
        + $"{i.ServedDuringFault} probe writes served during it; writes: {OutcomeTally.Describe(i.Outcomes)}; {i.Integrity}"
        + (i.Storm is null ? "" : $"; storm: {i.Storm}") + (i.Notes.Length == 0 ? "" : $"; {i.Notes}");

    public string ToTable()
    {
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"faults, seed {seed}: {(Passed ? "PASSED" : "FAILED")} in {duration.TotalSeconds:0} s ({Machine.Cores} cores, shared with other work)");
        table.AppendLine("| fault | injected | passed | recovery max (s) | fault max (s) | 503 + Retry-After | 500 / 503 without | no answer / timed out | lost | duplicated | wrong day | 200 unfinished |");
        table.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var k in Kinds)
        {
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {k.Fault} | {k.Injected} | {k.Passed} | {Seconds(k.RecoveryMaxSeconds)} | {k.FaultMaxSeconds:0.0} | {k.Unavailable} | {k.ServerErrors} | {k.NoAnswer} | {k.Lost} | {k.Duplicated} | {k.MessagesOnWrongDay} | {k.PrematureSuccesses} |");
        }

        table.AppendLine(CultureInfo.InvariantCulture,
            $"acknowledged writes: {ledger.Orders:N0} orders, {ledger.Payments:N0} payments (given up after {RetryingWriter.GiveUpAfter.TotalSeconds:0} s of retries: {ledger.AbandonedOrders} orders, {ledger.AbandonedPayments} payments); silos that ended unexpectedly: {unexpectedExits}");
        table.AppendLine(CultureInfo.InvariantCulture, $"at the end: {final}");
        return table.ToString();
    }

    public async Task<string> WriteJsonAsync(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, new
        {
            Seed, Passed, DurationSeconds, AcknowledgedOrders, AcknowledgedPayments, AbandonedOrders, AbandonedPayments, UnexpectedExits,
            Final, Kinds, Injections = injections.Select(i => new { i.Kind, i.Number, i.What, i.Passed, i.FaultSeconds, i.RecoverySeconds, i.ServedDuringFault, i.Outcomes, i.Integrity, i.Storm, i.PrematureSuccesses, i.Notes }),
            Machine,
        }, Json);
        return path;
    }

    private static string Seconds(double? seconds) => seconds is { } s && double.IsFinite(s) ? s.ToString("0.0", CultureInfo.InvariantCulture) : "not recovered";

    public sealed record KindSummary(
        string Fault, int Injected, int Passed, double? RecoveryMaxSeconds, double FaultMaxSeconds, long Unavailable, long ServerErrors, long NoAnswer,
        long Lost, long Duplicated, long MessagesOnWrongDay, int PrematureSuccesses);
}
