using O2C.CashApplication.Camt;

namespace O2C.CashApplication.Tests.Camt;

/// <summary>What is not camt.053 is refused as a whole, with a reason the endpoint can put in its 400.</summary>
public sealed class DocumentRefusalTests
{
    [Theory]
    [InlineData("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09", "pain.001.001.09")]
    [InlineData("urn:iso:std:iso:20022:tech:xsd:camt.054.001.08", "camt.054.001.08")]
    [InlineData("urn:iso:std:iso:20022:tech:xsd:camt.052.001.08", "camt.052.001.08")]
    public void Another_ISO_20022_message_is_named_in_the_refusal(string ns, string named)
    {
        var error = Refuse($"<Document xmlns=\"{ns}\"><BkToCstmrDbtCdtNtfctn/></Document>");
        Assert.Equal(CamtFormatProblem.NotCamt053, error.Problem);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Xml_without_the_camt_namespace_is_not_camt053()
    {
        var error = Refuse("<Document><BkToCstmrStmt><Stmt><Id>1</Id></Stmt></BkToCstmrStmt></Document>");
        Assert.Equal(CamtFormatProblem.NotCamt053, error.Problem);
    }

    [Fact]
    public void An_html_page_is_not_camt053()
    {
        Assert.Equal(CamtFormatProblem.NotCamt053, Refuse("<html><body>Login</body></html>").Problem);
    }

    [Theory]
    [InlineData("{\"statement\": 1}")]
    [InlineData("")]
    [InlineData("%PDF-1.7")]
    public void What_is_not_xml_is_refused_as_such(string body)
    {
        Assert.Equal(CamtFormatProblem.NotXml, Refuse(body).Problem);
    }

    [Theory]
    [InlineData("01")]
    [InlineData("11")]
    public void Versions_outside_02_to_10_are_refused(string version)
    {
        var error = Refuse($"<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.{version}\"/>");
        Assert.Equal(CamtFormatProblem.UnsupportedVersion, error.Problem);
    }

    [Fact]
    public void A_document_type_definition_is_refused_before_any_entity_is_expanded()
    {
        const string bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE Document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">&b;</Document>
            """;
        Assert.Equal(CamtFormatProblem.NotXml, Refuse(bomb).Problem);
    }

    [Fact]
    public void A_statement_that_breaks_off_returns_what_came_before_then_says_where_it_broke()
    {
        var whole = CamtDocuments.Statement(CamtDocuments.Entry(accountServicerReference: "A1") + CamtDocuments.Entry(accountServicerReference: "A2"));
        var cut = whole[..whole.IndexOf("<Ntry>", whole.IndexOf("A1", StringComparison.Ordinal), StringComparison.Ordinal)] + "<Ntry><Amt Ccy=\"EUR\">1";
        using var stream = CamtDocuments.AsStream(cut);
        using var reader = CamtReader.Open(stream);

        var read = new List<CamtRecord>();
        var error = Assert.Throws<CamtFormatException>(() =>
        {
            foreach (var record in reader.ReadRecords())
            {
                read.Add(record);
            }
        });

        Assert.Equal(CamtFormatProblem.MalformedXml, error.Problem);
        Assert.True(error.LineNumber > 0);
        Assert.Equal("A1", Assert.Single(read.OfType<StatementEntry>()).AccountServicerReference);
    }

    private static CamtFormatException Refuse(string body) =>
        Assert.Throws<CamtFormatException>(() => CamtDocuments.ReadAll(body));
}
