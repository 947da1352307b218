using O2C.Grains.Payments;

namespace O2C.Grains.Tests.Messages;

public sealed class PaymentLinkTemplateTests
{
    [Fact]
    public void FillsReferenceAmountAndCurrency()
    {
        var links = MessageSamples.Parse("https://pay.example.com/{reference}?amount={amount}&currency={currency}");

        Assert.Equal("https://pay.example.com/RF18539007547034?amount=1234.50&currency=EUR", links.For("RF18539007547034", 1234.5m, "EUR", "INV-1", "C-1"));
        Assert.Equal("https://pay.example.com/RF18539007547034?amount=0.10&currency=GBP", links.For("RF18539007547034", 0.1m, "GBP", "INV-1", "C-1"));
    }

    [Fact]
    public void EscapesEveryValue()
    {
        var links = MessageSamples.Parse("https://pay.example.com/i/{invoice}?customer={customer}&ref={reference}");

        Assert.Equal(
            "https://pay.example.com/i/INV%2F2026%20%2301?customer=Caf%C3%A9%20%26%20Co%3Fx%3D1&ref=RF18%20ABC",
            links.For("RF18 ABC", 1m, "EUR", "INV/2026 #01", "Café & Co?x=1"));
    }

    [Fact]
    public void AmountIsInvariantWhateverTheLanguage()
    {
        var links = MessageSamples.Parse("https://pay.example.com/{reference}/{amount}");

        Assert.Equal("https://pay.example.com/RF1/1234567.89", links.For("RF1", 1234567.891m, "EUR", "I", "C"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void UnsetMeansNoLink(string? text)
    {
        Assert.True(PaymentLinkTemplate.TryParse(text, out var links, out var error));
        Assert.Null(error);
        Assert.False(links.IsConfigured);
        Assert.Null(links.For("RF1", 1m, "EUR", "I", "C"));
    }

    [Theory]
    [InlineData("https://pay.example.com/{ref}", "unknown placeholder {ref}")]
    [InlineData("https://pay.example.com/{reference}?a={Amount}", "unknown placeholder {Amount}")]
    [InlineData("https://pay.example.com/{reference", "unmatched brace")]
    [InlineData("https://pay.example.com/reference}", "unmatched brace")]
    [InlineData("https://pay.example.com/?amount={amount}", "names no invoice")]
    [InlineData("pay.example.com/{reference}", "absolute http(s) URL")]
    [InlineData("ftp://pay.example.com/{reference}", "absolute http(s) URL")]
    public void RejectsWhatWouldGiveABrokenLink(string text, string problem)
    {
        Assert.False(PaymentLinkTemplate.TryParse(text, out var links, out var error));
        Assert.Contains(problem, error, StringComparison.Ordinal);
        Assert.Same(PaymentLinkTemplate.None, links);
    }
}
