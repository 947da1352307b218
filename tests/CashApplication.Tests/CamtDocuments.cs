using System.Globalization;
using System.Text;

namespace O2C.CashApplication.Tests;

/// <summary>Builds small camt.053 documents for tests, with only the elements a test cares about.</summary>
internal static class CamtDocuments
{
    public static string Statement(string entries, int version = 8, string id = "STMT-1", string iban = "NL91ABNA0417164300", string sequence = "7", bool balances = true, string? accountCurrency = "EUR")
    {
        var ccy = accountCurrency is null ? string.Empty : $"<Ccy>{accountCurrency}</Ccy>";
        var bal = balances
            ? "<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-30</Dt></Dt></Bal>"
            : string.Empty;
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.{version:00}">
              <BkToCstmrStmt>
                <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2026-12-01T06:00:00</CreDtTm></GrpHdr>
                <Stmt>
                  <Id>{id}</Id>
                  <ElctrncSeqNb>{sequence}</ElctrncSeqNb>
                  <CreDtTm>2026-12-01T06:00:00</CreDtTm>
                  <Acct><Id><IBAN>{iban}</IBAN></Id>{ccy}</Acct>
                  {bal}
                  {entries}
                </Stmt>
              </BkToCstmrStmt>
            </Document>
            """;
    }

    public static string Entry(
        string amount = "100.00",
        string? currency = "EUR",
        string direction = "CRDT",
        string? accountServicerReference = null,
        string? ustrd = null,
        string? reference = null,
        string? debtorName = "Bakkerij de Vries BV",
        string? debtorIban = "NL20INGB0001234567",
        string? uetr = null,
        string bookingDate = "2026-12-01")
    {
        var ccy = currency is null ? string.Empty : $" Ccy=\"{currency}\"";
        var acct = accountServicerReference is null ? string.Empty : $"<AcctSvcrRef>{accountServicerReference}</AcctSvcrRef>";
        var uetrXml = uetr is null ? string.Empty : $"<UETR>{uetr}</UETR>";
        var rmt = new StringBuilder();
        if (ustrd is not null)
        {
            rmt.Append(CultureInfo.InvariantCulture, $"<Ustrd>{ustrd}</Ustrd>");
        }

        if (reference is not null)
        {
            rmt.Append(CultureInfo.InvariantCulture, $"<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>{reference}</Ref></CdtrRefInf></Strd>");
        }

        return $"""
            <Ntry>
              <Amt{ccy}>{amount}</Amt>
              <CdtDbtInd>{direction}</CdtDbtInd>
              <Sts><Cd>BOOK</Cd></Sts>
              <BookgDt><Dt>{bookingDate}</Dt></BookgDt>
              <ValDt><Dt>{bookingDate}</Dt></ValDt>
              {acct}
              <NtryDtls><TxDtls>
                <Refs><EndToEndId>NOTPROVIDED</EndToEndId>{uetrXml}</Refs>
                <RltdPties><Dbtr><Pty><Nm>{debtorName}</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>{debtorIban}</IBAN></Id></DbtrAcct></RltdPties>
                <RmtInf>{rmt}</RmtInf>
              </TxDtls></NtryDtls>
            </Ntry>
            """;
    }

    public static MemoryStream AsStream(string xml) => new(Encoding.UTF8.GetBytes(xml));

    public static List<O2C.CashApplication.Camt.CamtRecord> ReadAll(string xml)
    {
        using var stream = AsStream(xml);
        using var reader = O2C.CashApplication.Camt.CamtReader.Open(stream);
        return [.. reader.ReadRecords()];
    }

    public static string TestFile(string relative) => Path.Combine(AppContext.BaseDirectory, "TestData", relative);
}
