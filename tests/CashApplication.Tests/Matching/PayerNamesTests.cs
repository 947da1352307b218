using O2C.CashApplication.Matching;

namespace O2C.CashApplication.Tests.Matching;

public sealed class PayerNamesTests
{
    [Theory]
    [InlineData("Müller GmbH", "MUELLER GMBH")]
    [InlineData("Müller GmbH", "Muller Gmbh")]
    [InlineData("Bakkerij de Vries B.V.", "BAKKERIJ DE VRIES BV")]
    [InlineData("Bakkerij de Vries B.V.", "bakkerij  de vries")]
    [InlineData("Société Générale S.A.", "SOCIETE GENERALE")]
    [InlineData("Straße & Söhne KG", "STRASSE SOEHNE")]
    public void Spellings_of_one_payer_meet(string known, string paid)
    {
        Assert.True(PayerNames.Variants(known).Intersect(PayerNames.Variants(paid)).Any(), $"'{known}' and '{paid}' should meet");
    }

    [Theory]
    [InlineData("Bakkerij de Vries", "Bakkerij de Vos")]
    [InlineData("Müller GmbH", "Müller Bau GmbH")]
    public void Different_payers_do_not(string known, string paid)
    {
        Assert.False(PayerNames.Variants(known).Intersect(PayerNames.Variants(paid)).Any());
    }

    [Fact]
    public void Ibans_compare_without_spaces_and_case()
    {
        Assert.Equal("NL20INGB0001234567", PayerNames.NormalizeIban(" nl20 ingb 0001 2345 67 "));
    }
}
