using O2C.CashApplication.Camt;

namespace O2C.CashApplication.Tests.Camt;

/// <summary>Real exports break the schema; the reader reads what it safely can and says per entry what it could not.</summary>
public sealed class LenientReadingTests
{
    [Fact]
    public void A_bad_entry_is_reported_with_its_reason_and_the_others_are_read()
    {
        var xml = CamtDocuments.Statement(
            CamtDocuments.Entry(accountServicerReference: "OK-1")
            + CamtDocuments.Entry(amount: "1.234,50", accountServicerReference: "BAD-AMOUNT")
            + CamtDocuments.Entry(direction: "CREDIT", accountServicerReference: "BAD-DIRECTION")
            + CamtDocuments.Entry(amount: "-5.00", accountServicerReference: "NEGATIVE")
            + "<Ntry><CdtDbtInd>CRDT</CdtDbtInd></Ntry>"
            + CamtDocuments.Entry(accountServicerReference: "OK-2"));

        var records = CamtDocuments.ReadAll(xml);

        Assert.Equal(["OK-1", "OK-2"], records.OfType<StatementEntry>().Select(e => e.AccountServicerReference));
        var unreadable = records.OfType<UnreadableEntry>().ToList();
        Assert.Equal([2, 3, 4, 5], unreadable.Select(u => u.Index));
        Assert.Contains("'1.234,50' is not an amount", unreadable[0].Reason, StringComparison.Ordinal);
        Assert.Contains("neither CRDT nor DBIT", unreadable[1].Reason, StringComparison.Ordinal);
        Assert.Contains("'-5.00'", unreadable[2].Reason, StringComparison.Ordinal);
        Assert.Contains("no Amt", unreadable[3].Reason, StringComparison.Ordinal);
        Assert.Equal("NL91ABNA0417164300/BAD-AMOUNT", unreadable[0].EntryKey);
        Assert.All(unreadable, u => Assert.True(u.LineNumber > 0));

        var closed = Assert.Single(records.OfType<StatementClosed>());
        Assert.Equal((2, 4), (closed.Entries, closed.Unreadable));
    }

    [Fact]
    public void A_missing_currency_is_taken_from_the_account_with_a_warning_or_reported_when_there_is_none()
    {
        var withAccountCurrency = CamtDocuments.ReadAll(CamtDocuments.Statement(CamtDocuments.Entry(currency: null)));
        var entry = Assert.Single(withAccountCurrency.OfType<StatementEntry>());
        Assert.Equal("EUR", entry.Currency);
        Assert.Contains(entry.Warnings, w => w.Contains("no Ccy", StringComparison.Ordinal));

        var without = CamtDocuments.ReadAll(CamtDocuments.Statement(CamtDocuments.Entry(currency: null), accountCurrency: null));
        Assert.Contains("no Ccy", Assert.Single(without.OfType<UnreadableEntry>()).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("8A7F0E3C-1B2D-4E5F-9A8B-7C6D5E4F3A2B", "8a7f0e3c-1b2d-4e5f-9a8b-7c6d5e4f3a2b")]
    [InlineData("8a7f0e3c1b2d4e5f9a8b7c6d5e4f3a2b", "8a7f0e3c-1b2d-4e5f-9a8b-7c6d5e4f3a2b")]
    [InlineData("{8a7f0e3c-1b2d-4e5f-9a8b-7c6d5e4f3a2b}", "8a7f0e3c-1b2d-4e5f-9a8b-7c6d5e4f3a2b")]
    [InlineData("d0826d0f-a005-5e3b-b3dc-54da4ac7f0d0", "d0826d0f-a005-5e3b-b3dc-54da4ac7f0d0")]
    public void Uetrs_in_any_uuid_spelling_become_canonical(string written, string canonical)
    {
        var entry = Assert.Single(CamtDocuments.ReadAll(CamtDocuments.Statement(CamtDocuments.Entry(uetr: written))).OfType<StatementEntry>());
        Assert.Equal(canonical, entry.Transactions[0].Uetr);
        Assert.Empty(entry.Warnings);
    }

    [Fact]
    public void A_uetr_that_is_no_uuid_is_kept_with_a_warning_not_refused()
    {
        var entry = Assert.Single(CamtDocuments.ReadAll(CamtDocuments.Statement(CamtDocuments.Entry(uetr: "REF-2026-000123"))).OfType<StatementEntry>());
        Assert.Equal("REF-2026-000123", entry.Transactions[0].Uetr);
        Assert.Contains(entry.Warnings, w => w.Contains("not a UUID", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unreadable_date_is_left_empty_with_a_warning()
    {
        var entry = Assert.Single(CamtDocuments.ReadAll(CamtDocuments.Statement(CamtDocuments.Entry(bookingDate: "01.12.2026"))).OfType<StatementEntry>());
        Assert.Null(entry.BookingDate);
        Assert.Contains(entry.Warnings, w => w.StartsWith("BookgDt", StringComparison.Ordinal));
    }

    [Fact]
    public void Balances_after_the_entries_and_header_fields_out_of_order_are_still_read()
    {
        const string xml = """
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.04"><BkToCstmrStmt>
              <Stmt>
                <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
                <ElctrncSeqNb>12</ElctrncSeqNb>
                <Id>LATE-ORDER</Id>
                <Ntry><CdtDbtInd>CRDT</CdtDbtInd><Amt Ccy="EUR">10.00</Amt><AcctSvcrRef>X</AcctSvcrRef></Ntry>
                <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-12-01</Dt></Dt></Bal>
              </Stmt>
            </BkToCstmrStmt></Document>
            """;
        var records = CamtDocuments.ReadAll(xml);
        var statement = Assert.Single(records.OfType<BankStatement>());
        Assert.Equal(new StatementKey("LATE-ORDER", "DE89370400440532013000", "12"), statement.Key);
        Assert.Empty(statement.Balances);
        Assert.Equal("CLBD", Assert.Single(Assert.Single(records.OfType<StatementClosed>()).Balances).Type);
        Assert.Equal(10m, Assert.Single(records.OfType<StatementEntry>()).Amount);
    }

    [Fact]
    public void Credits_and_debits_are_counted_apart_and_only_unreversed_credits_are_incoming_payments()
    {
        var records = CamtDocuments.ReadAll(CamtDocuments.Statement(
            CamtDocuments.Entry(direction: "CRDT") + CamtDocuments.Entry(direction: "DBIT") + CamtDocuments.Entry(direction: "DBIT")));
        var closed = Assert.Single(records.OfType<StatementClosed>());
        Assert.Equal((1, 2), (closed.Credits, closed.Debits));
        Assert.Equal([true, false, false], records.OfType<StatementEntry>().Select(e => e.IsIncomingPayment));
    }
}
