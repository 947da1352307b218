using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Npgsql;
using O2C.Grains.Interfaces.Dunning;
using O2C.Grains.Interfaces.Invoices;
using O2C.Grains.Interfaces.Preview;
using Orleans.Configuration;

namespace O2C.Api.Preview;

/// <summary>
/// What a clock advance would send, without sending or changing anything. It starts from the rows a
/// real advance starts from (the reminders due up to the target time) and asks each grain for a dry
/// run of its own handlers (<see cref="IInvoiceGrain.Preview"/>, <see cref="IDunningCaseGrain.Preview"/>):
/// the code of the real run, on a copy of the state, with the writes caught. Grains change no other
/// grain in a dry run, so what the run would pass between them is passed here, in three rounds:
/// invoices first (their pre-due messages and the case each would join), then cases with the invoices
/// joining them, then again the invoices whose customer a case would judge anew on the way (a final
/// notice changes the risk profile, hence the tone). It assumes nothing else happens until then: no
/// payment, order or collector action.
/// </summary>
public sealed class MessagePreviewer(NpgsqlDataSource dataSource, IGrainFactory grains, IOptions<ClusterOptions> cluster)
{
    private const string InvoiceGrainType = "invoice";
    private const string CaseGrainType = "case";
    private static readonly ParallelOptions Width = new() { MaxDegreeOfParallelism = 32 };

    /// <summary>Every message a clock advance to <paramref name="to"/> would queue, in business-time order; for one customer when given.</summary>
    public async Task<IReadOnlyList<MessagePreview>> PreviewAsync(DateTimeOffset to, string? customerId, CancellationToken cancellationToken)
    {
        var due = await DueRemindersAsync(to, customerId, cancellationToken);
        var invoiceReminders = due.Where(d => d.Key.Type == InvoiceGrainType).ToDictionary(d => d.Key.Key, d => d.Value);
        var caseReminders = due.Where(d => d.Key.Type == CaseGrainType).ToDictionary(d => d.Key.Key, d => d.Value);

        var invoices = new ConcurrentDictionary<string, InvoicePreview>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(invoiceReminders, Width, async (invoice, _) =>
            invoices[invoice.Key] = await grains.GetGrain<IInvoiceGrain>(invoice.Key).Preview(new InvoicePreviewRequest(to, invoice.Value, [])));

        var joins = invoices.Values.Select(i => i.Join).OfType<CaseJoin>().GroupBy(j => j.CaseId).ToDictionary(g => g.Key, g => g.ToList());
        var caseIds = caseReminders.Keys.Union(joins.Keys).ToList();
        var cases = new ConcurrentBag<CasePreview>();
        await Parallel.ForEachAsync(caseIds, Width, async (caseId, _) =>
            cases.Add(await grains.GetGrain<IDunningCaseGrain>(caseId).Preview(
                new CasePreviewRequest(to, caseReminders.GetValueOrDefault(caseId) ?? [], joins.GetValueOrDefault(caseId) ?? []))));

        var told = cases.Where(c => c.CustomerEvents.Count > 0)
            .GroupBy(c => c.CustomerId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CustomerEvent>)g.SelectMany(c => c.CustomerEvents).OrderBy(e => e.At).ToList());
        var again = invoices.Where(i => i.Value.Messages.Any(m => told.ContainsKey(m.CustomerId))).ToList();
        await Parallel.ForEachAsync(again, Width, async (invoice, _) =>
            invoices[invoice.Key] = await grains.GetGrain<IInvoiceGrain>(invoice.Key).Preview(
                new InvoicePreviewRequest(to, invoiceReminders[invoice.Key], told[invoice.Value.Messages[0].CustomerId])));

        return invoices.Values.SelectMany(i => i.Messages)
            .Concat(cases.SelectMany(c => c.Messages))
            .OrderBy(m => m.DueAt).ThenBy(m => m.CustomerId, StringComparer.Ordinal).ThenBy(m => m.MessageId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The reminder rows a clock advance to <paramref name="to"/> would deliver first, by grain.</summary>
    private async Task<Dictionary<(string Type, string Key), List<DueReminder>>> DueRemindersAsync(
        DateTimeOffset to, string? customerId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT grainid, remindername, starttime FROM orleansreminderstable
            WHERE serviceid = $1 AND starttime <= $2
              AND ($3::text IS NULL
                   OR grainid IN (SELECT 'invoice/' || invoice_id FROM invoices WHERE customer_id = $3)
                   OR grainid IN (SELECT 'case/' || case_id FROM cases WHERE customer_id = $3))
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = cluster.Value.ServiceId });
        command.Parameters.Add(new NpgsqlParameter { Value = to });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)customerId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var due = new Dictionary<(string, string), List<DueReminder>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var grain = GrainId.Parse(reader.GetString(0));
            var key = (grain.Type.ToString()!, grain.Key.ToString()!);
            if (!due.TryGetValue(key, out var reminders))
            {
                due[key] = reminders = [];
            }

            reminders.Add(new DueReminder(reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)));
        }

        return due;
    }
}
