using O2C.CashApplication.Camt;

namespace O2C.CashApplication.Tests.Camt;

/// <summary>The keys that make a second import of the same statement change nothing.</summary>
public sealed class IdempotencyKeyTests
{
    [Fact]
    public void Reading_the_same_file_twice_gives_the_same_keys()
    {
        var first = Keys(File.ReadAllText(CamtDocuments.TestFile("viafintech-camt_parser/valid_example_v4.xml")));
        var second = Keys(File.ReadAllText(CamtDocuments.TestFile("viafintech-camt_parser/valid_example_v4.xml")));
        Assert.Equal(13, first.Count);
        Assert.Equal(first, second);
    }

    [Fact]
    public void The_statement_key_is_id_account_and_sequence()
    {
        var statement = Assert.Single(CamtDocuments.ReadAll(CamtDocuments.Statement(string.Empty, id: "S-42", sequence: "9")).OfType<BankStatement>());
        Assert.Equal("NL91ABNA0417164300|S-42|9", statement.Key.Value);
    }

    [Fact]
    public void An_entry_with_AcctSvcrRef_is_keyed_by_account_and_that_reference()
    {
        var entry = Assert.Single(CamtDocuments.ReadAll(CamtDocuments.Statement(CamtDocuments.Entry(accountServicerReference: "BANK-77"))).OfType<StatementEntry>());
        Assert.Equal("NL91ABNA0417164300/BANK-77", entry.EntryKey);
        Assert.Equal(EntryKeyKind.AccountServicerReference, entry.EntryKeyKind);
    }

    [Fact]
    public void Content_keys_do_not_depend_on_the_statement_id_nor_on_trailing_zeros()
    {
        var a = Keys(CamtDocuments.Statement(CamtDocuments.Entry(amount: "474.4", ustrd: "INV-1"), id: "FIRST"));
        var b = Keys(CamtDocuments.Statement(CamtDocuments.Entry(amount: "474.40", ustrd: "INV-1"), id: "REISSUED"));
        Assert.Equal(a, b);
        Assert.StartsWith("NL91ABNA0417164300/#", a[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Content_keys_differ_when_the_content_does()
    {
        var a = Keys(CamtDocuments.Statement(CamtDocuments.Entry(ustrd: "INV-1")));
        var b = Keys(CamtDocuments.Statement(CamtDocuments.Entry(ustrd: "INV-2")));
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Identical_twins_in_one_statement_get_distinct_keys_and_a_repeated_AcctSvcrRef_falls_back_to_content()
    {
        var twin = CamtDocuments.Entry(ustrd: "Monthly fee");
        var keys = Keys(CamtDocuments.Statement(twin + twin + CamtDocuments.Entry(accountServicerReference: "R") + CamtDocuments.Entry(accountServicerReference: "R")));
        Assert.Equal(4, keys.Distinct().Count());
        Assert.EndsWith("-2", keys[1], StringComparison.Ordinal);
        Assert.Contains("/#", keys[3], StringComparison.Ordinal);
    }

    private static List<string> Keys(string xml) =>
        CamtDocuments.ReadAll(xml).OfType<StatementEntry>().Select(e => e.EntryKey).ToList();
}
