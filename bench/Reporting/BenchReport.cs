using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace O2C.Bench.Reporting;

/// <summary>Everything a run measured, printed as a table and written as JSON.</summary>
public sealed class BenchReport(string scenario, MachineInfo machine, PostgresInfo postgres, IReadOnlyList<string> arguments)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly List<Figure> _ceilings = [];
    private readonly List<Figure> _figures = [];
    private readonly List<string> _notes = [];

    public string Scenario => scenario;
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;
    public MachineInfo Machine => machine;
    public PostgresInfo Postgres => postgres;
    public IReadOnlyList<string> Arguments => arguments;
    public IReadOnlyList<Figure> Ceilings => _ceilings;
    public IReadOnlyList<Figure> Figures => _figures;
    public IReadOnlyList<string> Notes => _notes;

    public Figure? Ceiling(string name) => _ceilings.FirstOrDefault(c => c.Name == name && c.IsOk);

    public void AddCeiling(Figure figure) => Add(_ceilings, figure);

    public void Add(Figure figure) => Add(_figures, figure);

    public void Note(string note)
    {
        lock (_notes)
        {
            _notes.Add(note);
        }

        Console.WriteLine($"  note: {note}");
    }

    public async Task<string> WriteJsonAsync(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var document = new
        {
            scenario,
            startedAt = StartedAt,
            finishedAt = DateTimeOffset.UtcNow,
            arguments,
            machine,
            postgres,
            ceilings = _ceilings,
            figures = _figures,
            notes = _notes,
        };
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(document, Json));
        return path;
    }

    public string ToTable()
    {
        var header = new[] { "scenario", "figure", "value", "unit", "p50 ms", "p99 ms", "max ms", "cpu ms/unit", "ratio", "vs", "target", "status" };
        var rows = _ceilings.Concat(_figures).Select(f => new[]
        {
            f.Scenario, f.Name, Number(f.Value), f.Unit, Number(f.P50Ms), Number(f.P99Ms), Number(f.MaxMs), CpuNumber(f.CpuMsPerUnit),
            f.Ratio is { } r ? r.ToString("0.00x", CultureInfo.InvariantCulture) : "", f.Ceiling ?? "", f.Target ?? "", f.Status,
        }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"machine: {machine.Cores} cores ({machine.CpuModel}), {machine.RamBytes / (1 << 20):N0} MiB RAM, {machine.Os}, {machine.Dotnet}");
        text.AppendLine(CultureInfo.InvariantCulture, $"postgres: {postgres.Version}{(postgres.Embedded ? " (embedded)" : "")}, {string.Join(", ", postgres.Settings.Select(s => $"{s.Key}={s.Value}"))}");
        AppendRow(text, header, widths);
        AppendRow(text, widths.Select(w => new string('-', w)).ToArray(), widths);
        foreach (var row in rows)
        {
            AppendRow(text, row, widths);
        }

        return text.ToString();
    }

    private static void Add(List<Figure> list, Figure figure)
    {
        lock (list)
        {
            list.Add(figure);
        }

        var value = figure.IsOk ? $"{Number(figure.Value)} {figure.Unit}" : figure.Status;
        var ratio = figure.Ratio is { } r ? $" ({r:0.00}x {figure.Ceiling})" : "";
        Console.WriteLine($"  {figure.Scenario}: {figure.Name}: {value}{ratio}");
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            var numeric = i is 2 or 4 or 5 or 6 or 7;
            text.Append(numeric ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i]));
            text.Append(i == cells.Length - 1 ? "" : "  ");
        }

        text.AppendLine();
    }

    // CPU per order is a fraction of a millisecond; three decimals keep changes of a few percent visible.
    private static string CpuNumber(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "";

    private static string Number(double? value) => value switch
    {
        null => "",
        >= 1000 => value.Value.ToString("N0", CultureInfo.InvariantCulture),
        >= 10 => value.Value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.Value.ToString("0.00", CultureInfo.InvariantCulture),
    };
}
