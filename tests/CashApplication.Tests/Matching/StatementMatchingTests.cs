using O2C.CashApplication.Camt;
using O2C.CashApplication.Matching;
using static O2C.CashApplication.Tests.Matching.Ledger;

namespace O2C.CashApplication.Tests.Matching;

/// <summary>Reader and matcher together, on the statement the "done when" describes.</summary>
public sealed class StatementMatchingTests
{
    private static readonly string Statement = CamtDocuments.Statement(
        CamtDocuments.Entry("250.00", accountServicerReference: "E1", reference: Rf("INV-2026-1002"), debtorIban: "NL44RABO0123456789", debtorName: "Someone")
        + CamtDocuments.Entry("75.50", accountServicerReference: "E2", ustrd: "Rechnung INV-2026-1O03 danke", debtorIban: BakerIban)
        + CamtDocuments.Entry("1750.00", accountServicerReference: "E3", ustrd: "Sammelzahlung", debtorIban: MuellerIban, debtorName: "MUELLER GMBH")
        + CamtDocuments.Entry("100.00", accountServicerReference: "E4", ustrd: "+++123/4567/89002+++", debtorIban: "BE68539007547034", debtorName: "Dupont SA")
        + CamtDocuments.Entry("42.00", accountServicerReference: "E5", ustrd: "Lunch", debtorIban: "GB33BUKB20201555555555", debtorName: "Stranger Ltd")
        + CamtDocuments.Entry("20.97", direction: "DBIT", accountServicerReference: "E6", ustrd: "Bank fees")
        + BatchEntry());

    [Fact]
    public void Every_entry_is_matched_or_queued_as_it_should_be()
    {
        var snapshot = new MatchingSnapshot([.. Invoices(), Invoice("INV-2026-2003", "D-MUELLER", 250m, "2026-11-30")], Payers());
        var results = Match(Statement, snapshot);

        Assert.Equal(
            [
                ("NL91ABNA0417164300/E1", MatchOutcome.Applied, MatchRule.VerifiedReference),
                ("NL91ABNA0417164300/E2", MatchOutcome.Applied, MatchRule.InvoiceNumberWithTypo),
                ("NL91ABNA0417164300/E3", MatchOutcome.Applied, MatchRule.SumOfInvoices),
                ("NL91ABNA0417164300/E4", MatchOutcome.Applied, MatchRule.VerifiedReference),
                ("NL91ABNA0417164300/E5", MatchOutcome.Queued, MatchRule.None),
                ("NL91ABNA0417164300/E6", MatchOutcome.Ignored, MatchRule.None),
                ("NL91ABNA0417164300/E7/1", MatchOutcome.Applied, MatchRule.VerifiedReference),
                ("NL91ABNA0417164300/E7/2", MatchOutcome.Applied, MatchRule.InvoiceNumberInText),
            ],
            results.Select(r => (r.PaymentKey, r.Outcome, r.Rule)));

        Assert.Equal(["INV-2026-2001", "INV-2026-2002", "INV-2026-2003"], results[2].Allocations.Select(a => a.InvoiceId));
        Assert.True(results[3].IsPartialPayment);
        Assert.Equal(200m, snapshot.OpenAmountOf("INV-2026-3001"));
        Assert.All(["INV-2026-1001", "INV-2026-1002", "INV-2026-1003", "INV-2026-1004", "INV-2026-2001"], id => Assert.Equal(0m, snapshot.OpenAmountOf(id)));
        Assert.Equal(100m, snapshot.OpenAmountOf("INV-2026-1005")); // dollars: untouched
    }

    [Fact]
    public void A_second_read_gives_the_same_keys_so_an_import_can_recognise_it()
    {
        Assert.Equal(Keys(Statement), Keys(Statement));
    }

    [Fact]
    public void A_second_transfer_for_an_invoice_already_paid_in_the_same_statement_does_not_pay_it_again()
    {
        var twice = CamtDocuments.Statement(
            CamtDocuments.Entry("100.00", accountServicerReference: "A", reference: Rf("INV-2026-1001"), debtorIban: "NL44RABO0123456789")
            + CamtDocuments.Entry("100.00", accountServicerReference: "B", reference: Rf("INV-2026-1001"), debtorIban: "NL44RABO0123456789"));
        var results = Match(twice, Snapshot());

        Assert.Equal(MatchOutcome.Applied, results[0].Outcome);
        Assert.Equal(MatchOutcome.Queued, results[1].Outcome);
        Assert.Contains(results[1].Trail, t => t.Contains("no open EUR invoice carries it", StringComparison.Ordinal));
    }

    [Fact]
    public void The_UBS_sample_matches_by_invoice_number_in_the_text_and_by_RF_reference()
    {
        var snapshot = new MatchingSnapshot(
            [
                new OpenItem("R77561", "R77561", "D-JONDOE", null, "CHF", 474.40m, new DateOnly(2023, 6, 30)),
                new OpenItem("INV-552", "INV-552", "D-FINANZ", "RF38000000000000000000552", "CHF", 88.85m, new DateOnly(2023, 6, 30)),
            ],
            []);
        using var stream = File.OpenRead(CamtDocuments.TestFile("viafintech-camt_parser/valid_example_v8.xml"));
        using var reader = CamtReader.Open(stream);
        var results = reader.ReadRecords().OfType<StatementEntry>().SelectMany(e => CashMatcher.MatchEntry(e, snapshot)).ToList();

        Assert.Equal(
            [(MatchOutcome.Applied, MatchRule.InvoiceNumberInText), (MatchOutcome.Applied, MatchRule.VerifiedReference), (MatchOutcome.Ignored, MatchRule.None)],
            results.Select(r => (r.Outcome, r.Rule)));
    }

    [Fact]
    public void A_batch_is_split_only_when_its_transfers_add_up_to_the_entry()
    {
        var entry = Assert.Single(CamtDocuments.ReadAll(CamtDocuments.Statement(BatchEntry())).OfType<StatementEntry>());
        Assert.Equal([100m, 250m], BankPayment.FromEntry(entry).Select(p => p.Amount));

        var total = entry with { Amount = 400m };
        var single = Assert.Single(BankPayment.FromEntry(total));
        Assert.Equal(400m, single.Amount);
        Assert.Null(single.DebtorIban); // two payers: none chosen
        Assert.Contains("INV-2026-1004", single.RemittanceText, StringComparison.Ordinal);
    }

    private static string BatchEntry() => $"""
        <Ntry>
          <Amt Ccy="EUR">350.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
          <BookgDt><Dt>2026-12-01</Dt></BookgDt><AcctSvcrRef>E7</AcctSvcrRef>
          <NtryDtls>
            <Btch><NbOfTxs>2</NbOfTxs></Btch>
            <TxDtls><Amt Ccy="EUR">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
              <RltdPties><Dbtr><Pty><Nm>A Payer</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>NL44RABO0123456789</IBAN></Id></DbtrAcct></RltdPties>
              <RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>{Rf("INV-2026-1001")}</Ref></CdtrRefInf></Strd></RmtInf></TxDtls>
            <TxDtls><Amt Ccy="EUR">250.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
              <RltdPties><Dbtr><Pty><Nm>Another Payer</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>NL55RABO0987654321</IBAN></Id></DbtrAcct></RltdPties>
              <RmtInf><Ustrd>INV-2026-1004</Ustrd></RmtInf></TxDtls>
          </NtryDtls>
        </Ntry>
        """;

    private static List<MatchResult> Match(string xml, MatchingSnapshot snapshot) =>
        [.. CamtDocuments.ReadAll(xml).OfType<StatementEntry>().SelectMany(e => CashMatcher.MatchEntry(e, snapshot))];

    private static List<string> Keys(string xml) =>
        [.. CamtDocuments.ReadAll(xml).Select(r => r switch { StatementEntry e => e.EntryKey, BankStatement s => s.Key.Value, _ => string.Empty })];
}
