using O2C.CashApplication.Camt;
using O2C.CashApplication.References;

namespace O2C.CashApplication.Tests.Camt;

/// <summary>The bank statements in TestData, written outside this project by banks' and libraries' authors.</summary>
public sealed class SampleStatementTests
{
    // The two deliberately empty documents; every other file must read without a single unreadable entry.
    private static readonly Dictionary<string, CamtFormatProblem> Refused = new()
    {
        ["genkgo-camt/camt053.v2.wrong.xml"] = CamtFormatProblem.NoStatement,
        ["viafintech-camt_parser/valid_namespace.xml"] = CamtFormatProblem.NoStatement,
    };

    public static TheoryData<string> Files()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "TestData");
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_sample_reads_or_is_refused_with_its_reason(string file)
    {
        using var stream = File.OpenRead(CamtDocuments.TestFile(file));
        using var reader = CamtReader.Open(stream);

        if (Refused.TryGetValue(file, out var problem))
        {
            var error = Assert.Throws<CamtFormatException>(() => reader.ReadRecords().ToList());
            Assert.Equal(problem, error.Problem);
            return;
        }

        var records = reader.ReadRecords().ToList();
        var statements = records.OfType<BankStatement>().ToList();
        var closed = records.OfType<StatementClosed>().ToList();
        Assert.NotEmpty(statements);
        Assert.Equal(statements.Select(s => s.Key), closed.Select(c => c.Key));
        Assert.Empty(records.OfType<UnreadableEntry>());
        Assert.Equal(closed.Sum(c => c.Entries), records.OfType<StatementEntry>().Count());
        Assert.All(records.OfType<StatementEntry>(), e => Assert.NotEmpty(e.EntryKey));
    }

    [Theory]
    [InlineData("genkgo-camt/camt053.v2.minimal.xml", 2)]
    [InlineData("genkgo-camt/camt053.v3.xml", 3)]
    [InlineData("genkgo-camt/camt053.v4.xml", 4)]
    [InlineData("sebastienrousseau-camt053/business_sample_camt.053.001.04.xml", 4)]
    [InlineData("genkgo-camt/camt053.v8.xml", 8)]
    [InlineData("viafintech-camt_parser/valid_example_v8.xml", 8)]
    [InlineData("viafintech-camt_parser/valid_example_with_datetime.xml", 10)]
    public void Each_version_is_recognised(string file, int version)
    {
        using var stream = File.OpenRead(CamtDocuments.TestFile(file));
        using var reader = CamtReader.Open(stream);

        Assert.Equal(version, reader.Version);
        Assert.All(reader.ReadRecords().OfType<BankStatement>(), s => Assert.Equal(version, s.Version));
    }

    [Fact]
    public void Ubs_v8_entries_carry_references_uetr_and_remittance()
    {
        var records = Read("viafintech-camt_parser/valid_example_v8.xml");
        var statement = Assert.Single(records.OfType<BankStatement>());
        Assert.Equal(new StatementKey("R30B4SA880HMZ9XA", "CH1111111111111111111", "122"), statement.Key);
        Assert.Equal(["OPBD", "CLBD", "CLAV"], statement.Balances.Select(b => b.Type));

        var entries = records.OfType<StatementEntry>().ToList();
        Assert.Equal(3, entries.Count);

        var first = entries[0];
        Assert.Equal(474.4m, first.Amount);
        Assert.Equal("CHF", first.Currency);
        Assert.Equal(CreditDebit.Credit, first.Direction);
        Assert.Equal(new DateOnly(2023, 6, 20), first.BookingDate);
        Assert.Equal("CH1111111111111111111/9999171ZC0173078", first.EntryKey);
        var tx = Assert.Single(first.Transactions);
        Assert.Equal("80000004540000100095", tx.EndToEndId);
        Assert.Equal("d0826d0f-a005-5e3b-b3dc-54da4ac7f0d0", tx.Uetr); // version 5, not the 4 the schema asks for: kept
        Assert.Equal("INVOICE R77561", tx.RemittanceText);
        Assert.Equal("Jon Doe", tx.DebtorName);

        var rf = Assert.Single(entries[1].Transactions[0].CreditorReferences);
        Assert.Equal(ReferenceScheme.Iso11649, rf.Scheme);
        Assert.True(rf.IsVerified);
        Assert.Equal(1, entries[1].BatchTransactionCount);

        Assert.Equal(CreditDebit.Debit, entries[2].Direction);
        Assert.Equal("EUR", entries[2].Currency);
        var qrr = Assert.Single(entries[2].Transactions[0].CreditorReferences);
        Assert.Equal(ReferenceScheme.SwissQr, qrr.Scheme);
        Assert.Equal("DHL Express (Schweiz) AG", entries[2].Transactions[0].CreditorName);
    }

    [Fact]
    public void Version_2_parties_sit_directly_under_Dbtr_and_the_BBA_reference_fails_the_OGM_check()
    {
        var entry = Assert.Single(Read("genkgo-camt/camt053.v2.minimal.xml").OfType<StatementEntry>());
        Assert.Equal(8.85m, entry.Amount);
        Assert.Equal("BOOK", entry.Status);
        Assert.Equal(new DateOnly(2015, 1, 2), entry.ValueDate);
        Assert.Equal(EntryKeyKind.ContentHash, entry.EntryKeyKind); // no AcctSvcrRef in this file
        var tx = Assert.Single(entry.Transactions);
        Assert.Equal("NAME NAME", tx.DebtorName);
        Assert.Equal("NL56AGDH9619008421", tx.DebtorIban);
        var reference = Assert.Single(tx.CreditorReferences);
        Assert.Equal(ReferenceScheme.BelgianOgm, reference.Scheme);
        Assert.Equal(CheckDigitStatus.Failed, reference.Check); // 16 digits: no OGM
    }

    [Fact]
    public void Batch_entries_keep_their_count_and_element_order_does_not_matter()
    {
        // Btch MsgId after PmtInfId: schema-invalid, as ING writes it.
        var entries = Read("viafintech-camt_parser/valid_example_with_batch.xml").OfType<StatementEntry>().ToList();
        Assert.Equal(3, entries.Count);
        Assert.Equal(3, entries[0].BatchTransactionCount);
        Assert.Equal(CreditDebit.Debit, entries[0].Direction);
        Assert.Equal("TERUGGAAF", entries[1].Transactions[0].RemittanceText);
        Assert.Equal("NL86INGB00066666666", entries[1].Transactions[0].DebtorIban);
        Assert.Equal("PMNT/RCDT/ESCT", entries[1].BankTransactionCode);
    }

    [Fact]
    public void A_statement_without_balances_and_with_a_domestic_account_number_reads()
    {
        var records = Read("viafintech-camt_parser/valid_example_with_other_id.xml");
        var statement = Assert.Single(records.OfType<BankStatement>());
        Assert.Empty(statement.Balances);
        Assert.Null(statement.Iban);
        Assert.Equal(new StatementKey("0352C5320131227220503", "ABCDE1234", "130000005"), statement.Key);
        Assert.Equal(0, Assert.Single(records.OfType<StatementClosed>()).Entries);
    }

    [Fact]
    public void Balances_dated_with_a_nanosecond_DtTm_read()
    {
        var statement = Assert.Single(Read("genkgo-camt/camt53.only-Dt-with-DtTm.xml").OfType<BankStatement>());
        var balance = Assert.Single(statement.Balances);
        Assert.Equal(new DateOnly(2025, 7, 23), balance.Date);
        Assert.Equal(5442.09m, balance.Amount);
        Assert.NotNull(statement.CreatedAt);
    }

    [Fact]
    public void Several_statements_in_one_document_each_get_their_own_key()
    {
        var records = Read("genkgo-camt/camt053.v2.multi.statement.xml");
        var keys = records.OfType<BankStatement>().Select(s => s.Key).ToList();
        Assert.Equal(2, keys.Count);
        Assert.Equal(2, keys.Distinct().Count());
        Assert.Equal(
            ["Transaction Description 1", "Transaction Description 2"],
            records.OfType<StatementEntry>().Select(e => e.Transactions[0].RemittanceText));
        Assert.IsType<BankStatement>(records[0]);
        Assert.IsType<StatementClosed>(records[2]);
    }

    [Fact]
    public void Extra_decimals_are_read_exactly()
    {
        // Despite its name the file carries three decimals ("8.850"); the generated statements below carry five.
        var entry = Assert.Single(Read("genkgo-camt/camt053.v2.five.decimals.xml").OfType<StatementEntry>());
        Assert.Equal(8.85m, entry.Amount);
        Assert.Equal(3, entry.Amount.Scale);
    }

    [Fact]
    public void Swiss_ISR_references_are_checked_one_by_one()
    {
        var references = Read("viafintech-camt_parser/valid_example_v4.xml").OfType<StatementEntry>()
            .SelectMany(e => e.Transactions).SelectMany(t => t.CreditorReferences).ToList();
        Assert.Contains(references, r => r is { Scheme: ReferenceScheme.SwissQr, Check: CheckDigitStatus.Verified, Value: "000000000002016030002820804" });
        Assert.Contains(references, r => r is { Scheme: ReferenceScheme.SwissQr, Check: CheckDigitStatus.Failed, Raw: "CreditorReference" });
    }

    private static List<CamtRecord> Read(string file)
    {
        using var stream = File.OpenRead(CamtDocuments.TestFile(file));
        using var reader = CamtReader.Open(stream);
        return [.. reader.ReadRecords()];
    }
}
