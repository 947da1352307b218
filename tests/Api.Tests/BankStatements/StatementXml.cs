using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace O2C.Api.Tests.BankStatements;

/// <summary>Writes small camt.053.001.08 documents for the import tests, and posts them as a bank's export would arrive.</summary>
internal static class StatementXml
{
    public const string OurIban = "NL91ABNA0417164300";

    public static string Statement(string id, string entries, string sequence = "1") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
          <BkToCstmrStmt>
            <GrpHdr><MsgId>MSG-{id}</MsgId><CreDtTm>2026-02-14T06:00:00+01:00</CreDtTm></GrpHdr>
            <Stmt>
              <Id>{id}</Id>
              <ElctrncSeqNb>{sequence}</ElctrncSeqNb>
              <Acct><Id><IBAN>{OurIban}</IBAN></Id><Ccy>EUR</Ccy></Acct>
              {entries}
            </Stmt>
          </BkToCstmrStmt>
        </Document>
        """;

    public static string Credit(string bankReference, decimal amount, string text, string debtorName, string debtorIban, string direction = "CRDT") =>
        string.Create(CultureInfo.InvariantCulture, $"""
            <Ntry>
              <Amt Ccy="EUR">{amount:0.00}</Amt><CdtDbtInd>{direction}</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
              <BookgDt><Dt>2026-02-14</Dt></BookgDt><ValDt><Dt>2026-02-14</Dt></ValDt><AcctSvcrRef>{bankReference}</AcctSvcrRef>
              <NtryDtls><TxDtls>
                <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
                <RltdPties><Dbtr><Pty><Nm>{debtorName}</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>{debtorIban}</IBAN></Id></DbtrAcct></RltdPties>
                <RmtInf><Ustrd>{text}</Ustrd></RmtInf>
              </TxDtls></NtryDtls>
            </Ntry>
            """);

    /// <summary>A sample statement from a real bank (UBS, camt.053.001.08; TestData/README.md), as it is on disk.</summary>
    public static string Sample(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", name));

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(HttpClient http, string xml, string contentType = "application/xml")
    {
        using var content = new StringContent(xml, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var response = await http.PostAsync("/v1/bank-statements", content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
