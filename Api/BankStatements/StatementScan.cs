using O2C.CashApplication.Camt;
using O2C.CashApplication.Matching;

namespace O2C.Api.BankStatements;

/// <summary>
/// Pass 1 of an import: the whole document read without side effects, so a file that breaks off at the end is refused
/// (<see cref="CamtFormatException"/>) before a single entry is booked. Keeps only keys: which statements, entries and
/// payments the document holds, to look them up in one query each before pass 2.
/// </summary>
public sealed record StatementScan(IReadOnlyList<string> StatementKeys, IReadOnlyList<string> EntryKeys, IReadOnlyList<string> PaymentIdsInDocument)
{
    public static StatementScan Read(Stream document)
    {
        var statements = new List<string>();
        var entries = new HashSet<string>(StringComparer.Ordinal);
        var payments = new HashSet<string>(StringComparer.Ordinal);
        using var reader = CamtReader.Open(document);
        foreach (var record in reader.ReadRecords())
        {
            switch (record)
            {
                case BankStatement statement:
                    statements.Add(statement.Key.Value);
                    break;
                case StatementEntry entry:
                    entries.Add(entry.EntryKey);
                    payments.UnionWith(BankPayment.FromEntry(entry).Select(p => PaymentIds.For(p.PaymentKey)));
                    break;
                case UnreadableEntry unreadable:
                    entries.Add(unreadable.EntryKey);
                    break;
            }
        }

        return new StatementScan(statements, [.. entries], [.. payments]);
    }
}
