using O2C.Grains.Messages;

namespace O2C.Grains.Tests.Messages;

public sealed class SmsSegmentsTests
{
    [Fact]
    public void OneHundredSixtyGsmCharactersAreOnePart()
    {
        Assert.Single(SmsSegments.Split(new string('a', 160)));
    }

    [Fact]
    public void LongerGsmTextGoesIn153SeptetParts()
    {
        var body = new string('a', 161);

        var parts = SmsSegments.Split(body);

        Assert.Equal([153, 8], parts.Select(p => p.Length));
        Assert.Equal(body, string.Concat(parts));
    }

    [Fact]
    public void EuroSignTakesTwoSeptetsAndIsNotSplit()
    {
        Assert.Single(SmsSegments.Split(new string('a', 158) + "€"));
        Assert.Equal(2, SmsSegments.Split(new string('a', 159) + "€").Count);

        var parts = SmsSegments.Split(new string('a', 152) + "€" + new string('b', 10));
        Assert.Equal(new string('a', 152), parts[0]);
        Assert.StartsWith("€", parts[1], StringComparison.Ordinal);
    }

    [Fact]
    public void OneCharacterOutsideGsm7MakesItUcs2()
    {
        var body = "Ingebrekestelling: laatste kans vóór incasso. " + new string('x', 30);

        Assert.False(SmsSegments.IsGsm7(body));
        Assert.Equal(2, SmsSegments.Split(body).Count);
        Assert.Equal(3, SmsSegments.Split(new string('ê', 135)).Count);
        Assert.Single(SmsSegments.Split(new string('ê', 70)));
    }

    [Fact]
    public void SurrogatePairsStayTogether()
    {
        var parts = SmsSegments.Split(new string('x', 66) + "😀" + "tail");

        Assert.Equal(new string('x', 66), parts[0]);
        Assert.StartsWith("😀", parts[1], StringComparison.Ordinal);
    }

    [Fact]
    public void FrenchSpacesAndCurlyQuotesBecomeGsm7()
    {
        var text = SmsSegments.ForSms("1\u202F834,50\u00A0€ – l’échéance");

        Assert.Equal("1 834,50 € – l'échéance", text);
        Assert.False(SmsSegments.IsGsm7(text)); // the en dash has no GSM-7 form and is left as it is
        Assert.True(SmsSegments.IsGsm7(SmsSegments.ForSms("1\u202F834,50\u00A0€ l’échéance")));
    }

    [Fact]
    public void EmptyBodyHasNoParts()
    {
        Assert.Empty(SmsSegments.Split(string.Empty));
    }
}
