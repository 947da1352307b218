using O2C.Api.BankStatements;

namespace O2C.Api.Tests.BankStatements;

public sealed class RematchPatternsTests
{
    [Fact]
    public void An_invoice_is_looked_for_by_its_number_its_long_digit_runs_and_its_reference()
    {
        var patterns = RematchPatterns.For([new IssuedInvoice("C1", "inv-2026-00123", "RF18 5390 0754 7034")]);

        Assert.Equal(["%00123%", "%INV-2026-00123%", "%RF18539007547034%"], patterns);
    }

    [Fact]
    public void Like_wildcards_in_a_number_are_taken_literally()
    {
        Assert.Contains("%INV\\_1\\%%", RematchPatterns.For([new IssuedInvoice("C1", "INV_1%", "")]));
    }
}
