using O2C.Grains.Messages;

namespace O2C.Grains.Tests.Messages;

public sealed class LanguageFormatsTests
{
    [Theory]
    [InlineData("nl", "EUR", "€ 1.234,56")]
    [InlineData("de", "EUR", "1.234,56 €")]
    [InlineData("fr", "EUR", "1\u202F234,56\u00A0€")]
    [InlineData("en", "EUR", "€1,234.56")]
    [InlineData("en", "GBP", "£1,234.56")]
    [InlineData("de", "GBP", "1.234,56 £")]
    [InlineData("nl-BE", "EUR", "€ 1.234,56")]
    [InlineData("fr-BE", "EUR", "1\u202F234,56\u00A0€")]
    [InlineData("en", "CHF", "CHF 1,234.56")]
    [InlineData("de", "CHF", "1.234,56 CHF")]
    [InlineData("nl", "USD", "US$ 1.234,56")]
    [InlineData("es", "EUR", "€1,234.56")]
    public void MoneyFollowsTheLanguage(string language, string currency, string expected)
    {
        Assert.Equal(expected, LanguageFormats.Money(1234.56m, currency, language));
    }

    [Theory]
    [InlineData("nl", "1.234.567,89", "21-11-2026")]
    [InlineData("de", "1.234.567,89", "21.11.2026")]
    [InlineData("fr", "1\u202F234\u202F567,89", "21/11/2026")]
    [InlineData("en", "1,234,567.89", "21/11/2026")]
    public void AmountsAndDatesFollowTheLanguage(string language, string amount, string date)
    {
        Assert.Equal(amount, LanguageFormats.Amount(1234567.891m, language));
        Assert.Equal(date, LanguageFormats.Date(new DateOnly(2026, 11, 21), language));
    }

    [Theory]
    [InlineData("nl", "€ -1.234,50")]
    [InlineData("de", "-1.234,50 €")]
    [InlineData("fr", "-1\u202F234,50\u00A0€")]
    [InlineData("en", "-€1,234.50")]
    public void NegativeAmountsKeepTheirSign(string language, string expected)
    {
        Assert.Equal(expected, LanguageFormats.Money(-1234.5m, "EUR", language));
        Assert.StartsWith("-", LanguageFormats.Amount(-1234.5m, language), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr", "Mise en demeure")]
    [InlineData("fr-FR", "Mise en demeure")]
    [InlineData("nl", "Ingebrekestelling")]
    [InlineData("xx", "Final notice")]
    public void StageNamesAreInTheCustomersLanguage(string language, string expected)
    {
        Assert.Equal(expected, DunningStageNames.In(language, O2C.Grains.Interfaces.Dunning.DunningStage.FinalNotice));
    }
}
