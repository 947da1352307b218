using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using O2C.CashApplication.Camt;
using O2C.CashApplication.Matching;
using O2C.Clock;

namespace O2C.Api.BankStatements;

/// <summary>
/// Imports a camt.053 document (issue 16). Pass 1 reads it whole without side effects (<see cref="StatementScan"/>), so
/// a refused or truncated document books nothing. Pass 2 reads it again and, statement by statement, matches each new
/// entry against one snapshot of open invoices and known payers, books the applied ones through their payment grains and
/// records every result in <c>bank_entries</c>; the statement's own row comes last. An import that breaks off is redone
/// by importing the file again: what was recorded is a duplicate, what a grain booked but was not recorded is found in
/// <c>payments</c> and takes the grain's result.
/// </summary>
public sealed class StatementImporter(
    BankStatementStore store,
    IGrainFactory grains,
    BusinessClock clock,
    IOptions<BankStatementOptions> options,
    ILogger<StatementImporter> logger)
{
    /// <summary>Imports the document; throws <see cref="CamtFormatException"/> when it is no readable camt.053, before booking anything.</summary>
    public async Task<ImportSummary> ImportAsync(Stream document, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var scan = StatementScan.Read(document);
        var scanned = Stopwatch.GetElapsedTime(started);
        var imported = await store.ImportedStatementsAsync(scan.StatementKeys, cancellationToken);
        var stored = await store.StoredEntriesAsync(scan.EntryKeys, cancellationToken);
        var booked = await store.BookedPaymentsAsync(scan.PaymentIdsInDocument, cancellationToken);
        var snapshot = scan.EntryKeys.All(stored.ContainsKey) ? new MatchingSnapshot([], []) : await store.SnapshotAsync(cancellationToken);

        var lookedUp = Stopwatch.GetElapsedTime(started);
        var recording = TimeSpan.Zero;
        var statements = new List<StatementResult>();
        var entries = new List<EntryResult>();
        using var run = new ImportRun(snapshot, stored, booked, grains, clock, options.Value);
        document.Position = 0;
        using var reader = CamtReader.Open(document);
        BankStatement? header = null;
        var pending = new List<ImportRun.Pending>();
        foreach (var record in reader.ReadRecords())
        {
            switch (record)
            {
                case BankStatement statement:
                    header = statement;
                    pending = [];
                    break;
                case StatementEntry entry:
                    await run.AddAsync(entry, pending, cancellationToken);
                    break;
                case UnreadableEntry unreadable:
                    run.Add(unreadable, pending);
                    break;
                case StatementClosed closed:
                    var results = await Task.WhenAll(pending.Select(p => p.Result));
                    var recordingFrom = Stopwatch.GetTimestamp();
                    await store.RecordEntriesAsync([.. results.Where((_, i) => pending[i].New)], run.Queued, clock.GetUtcNow(), cancellationToken);
                    var result = Summarise(header!, closed, results, imported.Contains(closed.Key.Value));
                    if (!result.Duplicate)
                    {
                        await store.RecordStatementAsync(result, header!.MessageId, cancellationToken);
                    }

                    recording += Stopwatch.GetElapsedTime(recordingFrom);
                    statements.Add(result);
                    entries.AddRange(results);
                    break;
            }
        }

        var summary = ImportSummary.Of(statements, entries);
        var total = Stopwatch.GetElapsedTime(started);
        logger.LogInformation(
            "Imported {Statements} bank statement(s), {Entries} entries: {Matched} matched, {PartlyMatched} partly, {Unmatched} unmatched, {Unreadable} unreadable, {Duplicates} duplicates " +
            "in {TotalMs:0} ms (pass 1 {ScanMs:0} ms, look-ups and snapshot {LookupMs:0} ms, matching and booking {MatchMs:0} ms, recording {RecordMs:0} ms)",
            summary.Statements, summary.Entries, summary.Matched, summary.PartlyMatched, summary.Unmatched, summary.Unreadable, summary.DuplicateEntries,
            total.TotalMilliseconds, scanned.TotalMilliseconds, (lookedUp - scanned).TotalMilliseconds, (total - lookedUp - recording).TotalMilliseconds, recording.TotalMilliseconds);
        return summary;
    }

    private static StatementResult Summarise(BankStatement header, StatementClosed closed, EntryResult[] results, bool duplicate) => new(
        closed.Key.Value,
        closed.Key.StatementId,
        closed.Key.Account,
        closed.Key.Sequence,
        header.Version,
        duplicate,
        closed.Entries + closed.Unreadable,
        closed.Credits,
        closed.Debits,
        closed.Unreadable,
        results.Count(r => r.Status == EntryStatus.Matched),
        results.Count(r => r.Status == EntryStatus.PartiallyMatched),
        results.Count(r => r.Status == EntryStatus.Unmatched),
        results.Count(r => r.Status == EntryStatus.Ignored),
        results.Count(r => r.Duplicate));
}
