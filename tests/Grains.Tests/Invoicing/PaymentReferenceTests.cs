using O2C.Grains.Invoicing;

namespace O2C.Grains.Tests.Invoicing;

public sealed class PaymentReferenceTests
{
    [Fact]
    public void MatchesTheIso11649Example()
    {
        // The standard's own example: body 539007547034 has check digits 18.
        Assert.Equal("RF18539007547034", PaymentReference.Create("539007547034"));
    }

    [Fact]
    public void IsStableAndValid()
    {
        var first = PaymentReference.Create("INV-2026-0001");
        var second = PaymentReference.Create("INV-2026-0001");

        Assert.Equal(first, second);
        Assert.StartsWith("RF", first, StringComparison.Ordinal);
        Assert.EndsWith("INV20260001", first, StringComparison.Ordinal);
        Assert.True(PaymentReference.IsValid(first));
    }

    [Fact]
    public void DifferentInvoicesGetDifferentReferences()
    {
        Assert.NotEqual(PaymentReference.Create("INV-1"), PaymentReference.Create("INV-2"));
    }

    [Fact]
    public void LongIdsAreDigestedToTwentyOneCharacters()
    {
        var reference = PaymentReference.Create("3f2504e0-4f89-11d3-9a0c-0305e82c3301");

        Assert.Equal(25, reference.Length);
        Assert.True(PaymentReference.IsValid(reference));
        Assert.Equal(reference, PaymentReference.Create("3f2504e0-4f89-11d3-9a0c-0305e82c3301"));
    }

    [Fact]
    public void PrintedFormWithSpacesAndLowerCaseIsValid()
    {
        Assert.True(PaymentReference.IsValid("rf18 5390 0754 7034"));
        Assert.Equal("RF18 5390 0754 7034", PaymentReference.Format("RF18539007547034"));
    }

    [Theory]
    [InlineData("RF19539007547034")] // wrong check digits
    [InlineData("RF18539007547043")] // transposed digits
    [InlineData("XX18539007547034")]
    [InlineData("RF18")]
    [InlineData("RF18-5390")]
    [InlineData("")]
    [InlineData(null)]
    public void TamperedOrMalformedReferencesAreInvalid(string? reference)
    {
        Assert.False(PaymentReference.IsValid(reference));
    }

    [Fact]
    public void EveryOneCharacterTypoIsCaught()
    {
        var reference = PaymentReference.Create("INV-2026-0042");
        for (var i = 4; i < reference.Length; i++)
        {
            var typo = reference[..i] + (reference[i] == '7' ? '8' : '7') + reference[(i + 1)..];
            Assert.False(PaymentReference.IsValid(typo), typo);
        }
    }
}
