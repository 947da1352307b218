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
        var first = PaymentReference.Create("INV-20260001");
        var second = PaymentReference.Create("INV-20260001");

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

    [Theory]
    [InlineData("INV-W1-11-2", "INV-W11-1-2")] // the ids of issue 13: the same letters and digits
    [InlineData("INV-abc", "INV-ABC")]
    [InlineData("INV-A.B", "INV-A:B")]
    [InlineData("INV-AB", "INVAB")]
    [InlineData("INV-X1", "X-1")]
    [InlineData("ABC", "abc")]
    public void IdsDifferingOnlyInPunctuationOrCaseGetDifferentReferences(string one, string other)
    {
        var first = PaymentReference.Create(one);
        var second = PaymentReference.Create(other);

        Assert.NotEqual(first, second);
        Assert.True(PaymentReference.IsValid(first), first);
        Assert.True(PaymentReference.IsValid(second), second);
    }

    [Theory]
    [InlineData("INV-20260042", "INV20260042")]
    [InlineData("INV-ORDER7", "INVORDER7")]
    [InlineData("539007547034", "539007547034")]
    public void IdsThatMapOneToOneKeepTheirReadableReference(string invoiceId, string body)
    {
        Assert.EndsWith(body, PaymentReference.Create(invoiceId), StringComparison.Ordinal);
    }

    [Fact]
    public void ManyIdsOfOneShapeNeverShareAReference()
    {
        // Every spelling of two to four digits split by hyphens, as order ids of one batch might be.
        var ids = Enumerable.Range(0, 10_000).SelectMany(n => new[] { $"INV-W{n}", $"INV-W{n / 10}-{n % 10}", $"INV-W{n / 100}-{n % 100}", $"INV-w{n}" }).Distinct().ToList();

        var references = ids.Select(PaymentReference.Create).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(ids.Count, references.Count);
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
