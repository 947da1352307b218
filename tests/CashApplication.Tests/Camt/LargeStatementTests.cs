using System.Diagnostics;
using System.Globalization;
using System.Text;
using O2C.CashApplication.Camt;
using O2C.CashApplication.Matching;
using O2C.CashApplication.References;
using Xunit.Abstractions;

namespace O2C.CashApplication.Tests.Camt;

/// <summary>
/// A generated statement of 20,000 entries (about 10 MB) read from disk as a stream and matched against 20,000 open
/// invoices. Not a benchmark: the figures are printed (run with <c>--logger "console;verbosity=detailed"</c>) and only the
/// counts are asserted, so a busy machine cannot make it fail.
/// </summary>
[Collection(nameof(LargeStatementTests))]
public sealed class LargeStatementTests(ITestOutputHelper output) : IDisposable
{
    private const int Entries = 20_000;
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"camt053-large-{Guid.NewGuid():N}.xml");

    [Fact]
    public void Twenty_thousand_entries_stream_through_reader_and_matcher()
    {
        Generate(_file);
        var size = new FileInfo(_file).Length;

        // Twice: the first read pays for JIT compilation (what a fresh silo's first import sees), the second is warm.
        for (var round = 1; round <= 2; round++)
        {
            GC.Collect();
            var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var peakHeap = heapBefore;
            var read = 0;
            var watch = Stopwatch.StartNew();
            using (var stream = new FileStream(_file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024))
            using (var reader = CamtReader.Open(stream))
            {
                foreach (var record in reader.ReadRecords())
                {
                    if (record is StatementEntry && ++read % 1000 == 0)
                    {
                        peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
                    }
                }
            }

            var elapsed = watch.Elapsed;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            Assert.Equal(Entries, read);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"read {(round == 1 ? "cold" : "warm")}: camt.053 of {size / 1_048_576.0:0.0} MB, {Entries:N0} entries in {elapsed.TotalSeconds:0.00} s ({Entries / elapsed.TotalSeconds:N0} entries/s); " +
                $"allocated {allocated / 1_048_576.0:0} MB in all, managed heap at most {(peakHeap - heapBefore) / 1_048_576.0:0.0} MB above the start."));
        }

        var snapshot = new MatchingSnapshot(Invoices(), []);
        var matched = 0;
        var matching = Stopwatch.StartNew();
        using (var stream = File.OpenRead(_file))
        using (var reader = CamtReader.Open(stream))
        {
            foreach (var entry in reader.ReadRecords().OfType<StatementEntry>())
            {
                matched += CashMatcher.MatchEntry(entry, snapshot).Count(r => r.Outcome == MatchOutcome.Applied);
            }
        }

        var matchTime = matching.Elapsed;
        Assert.Equal(Entries * 3 / 4, matched); // every fourth entry names no invoice and nobody known

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576.0:0} MB (the whole test host)."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"read + matched against {Entries:N0} open invoices in {matchTime.TotalSeconds:0.00} s ({Entries / matchTime.TotalSeconds:N0} entries/s), {matched:N0} applied."));
    }

    public void Dispose() => File.Delete(_file);

    /// <summary>Alone, so the allocation and heap figures are this test's and not its neighbours'.</summary>
    [CollectionDefinition(nameof(LargeStatementTests), DisableParallelization = true)]
    public sealed class Alone;

    private static IEnumerable<OpenItem> Invoices() =>
        Enumerable.Range(0, Entries).Select(i => new OpenItem(
            Number(i), Number(i), $"D-{i % 2000}", CreditorReference.CreateIso11649(Number(i)), "EUR", Amount(i), new DateOnly(2026, 1 + (i % 12), 1 + (i % 28))));

    private static string Number(int i) => $"INV-2026-{i:000000}";

    private static decimal Amount(int i) => 10m + (i % 5000) + ((i % 100) / 100m);

    // Entries cycle through four kinds: RF reference, number in the text, number with a typo, and a stranger.
    private static void Generate(string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 64 * 1024);
        writer.Write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
            <GrpHdr><MsgId>LARGE-1</MsgId><CreDtTm>2026-12-01T06:00:00+01:00</CreDtTm></GrpHdr>
            <Stmt><Id>LARGE-STMT</Id><ElctrncSeqNb>1</ElctrncSeqNb>
            <Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id><Ccy>EUR</Ccy></Acct>
            <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-12-01</Dt></Dt></Bal>

            """);
        for (var i = 0; i < Entries; i++)
        {
            var amount = Amount(i).ToString("0.00", CultureInfo.InvariantCulture);
            var remittance = (i % 4) switch
            {
                0 => $"<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>{CreditorReference.CreateIso11649(Number(i))}</Ref></CdtrRefInf></Strd>",
                1 => $"<Ustrd>Factuur {Number(i)} klantnummer {i % 2000}</Ustrd>",
                2 => $"<Ustrd>Rechnung {Number(i).Replace("INV-2026", "INV 2O26", StringComparison.Ordinal)}</Ustrd>", // letter O for zero
                _ => "<Ustrd>Overboeking eigen rekening</Ustrd>",
            };
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"""
                <Ntry><Amt Ccy="EUR">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                <BookgDt><Dt>2026-12-01</Dt></BookgDt><ValDt><Dt>2026-12-01</Dt></ValDt><AcctSvcrRef>BANK-{i:0000000}</AcctSvcrRef>
                <NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId><UETR>{new Guid(i, 0, 0, new byte[8])}</UETR></Refs>
                <Amt Ccy="EUR">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                <RltdPties><Dbtr><Pty><Nm>Customer {i % 2000} B.V.</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>NL{i % 97:00}BANK{i:0000000000}</IBAN></Id></DbtrAcct></RltdPties>
                <RmtInf>{remittance}</RmtInf></TxDtls></NtryDtls></Ntry>

                """));
        }

        writer.Write("</Stmt></BkToCstmrStmt></Document>\n");
    }
}
