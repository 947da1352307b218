using O2C.CashApplication.References;

namespace O2C.CashApplication.Tests.References;

public sealed class CreditorReferenceTests
{
    [Theory]
    [InlineData("RF18539007547034", "RF18539007547034")] // the ISO 11649 example
    [InlineData("RF18 5390 0754 7034", "RF18539007547034")]
    [InlineData("rf18 5390 0754 7034", "RF18539007547034")]
    [InlineData("RF38000000000000000000552", "RF38000000000000000000552")] // UBS, in valid_example_v8.xml
    [InlineData("RF79 INV2 0261 001", "RF79INV20261001")] // what PaymentReference.Create("INV-20261001") prints
    public void Valid_RF_references_verify(string written, string compact)
    {
        var reference = CreditorReference.Parse(written, "SCOR");
        Assert.Equal(ReferenceScheme.Iso11649, reference.Scheme);
        Assert.Equal(CheckDigitStatus.Verified, reference.Check);
        Assert.Equal(compact, reference.Value);
    }

    [Theory]
    [InlineData("RF19539007547034")] // wrong check digits
    [InlineData("RF18539007547043")] // two digits swapped
    [InlineData("RF18539007547O34")] // letter O for zero
    [InlineData("RF18")] // no body
    [InlineData("RF181234567890123456789012")] // body of 22
    [InlineData("RF1X539007547034")]
    public void Broken_RF_references_fail(string written)
    {
        var reference = CreditorReference.Parse(written);
        Assert.Equal(ReferenceScheme.Iso11649, reference.Scheme);
        Assert.Equal(CheckDigitStatus.Failed, reference.Check);
    }

    [Theory]
    [InlineData("INV-2026-1001")]
    [InlineData("539007547034")]
    [InlineData("a")]
    public void Created_RF_references_verify_and_carry_their_body(string body)
    {
        var created = CreditorReference.CreateIso11649(body);
        Assert.True(CreditorReference.Parse(created).IsVerified);
        Assert.EndsWith(string.Concat(body.Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant(), created, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ISO_example_is_what_we_create()
    {
        Assert.Equal("RF18539007547034", CreditorReference.CreateIso11649("539007547034"));
    }

    [Theory]
    [InlineData("+++123/4567/89002+++", null)]
    [InlineData("***123/4567/89002***", null)]
    [InlineData("+++ 123 / 4567 / 89002 +++", null)]
    [InlineData("123456789002", "BBA")]
    [InlineData("+++000/0000/09797+++", null)] // base 97: remainder 0, so the check digits are 97
    public void Valid_Belgian_OGMs_verify(string written, string? issuer)
    {
        var reference = CreditorReference.Parse(written, "SCOR", issuer);
        Assert.Equal(ReferenceScheme.BelgianOgm, reference.Scheme);
        Assert.Equal(CheckDigitStatus.Verified, reference.Check);
        Assert.Equal(12, reference.Value.Length);
    }

    [Theory]
    [InlineData("+++123/4567/89003+++", null)]
    [InlineData("+++000/0000/09700+++", null)] // 00 is never a valid OGM check
    [InlineData("4654654654654654", "BBA")] // genkgo's sample: 16 digits
    [InlineData("+++123/4567/8900+++", null)]
    public void Broken_Belgian_OGMs_fail(string written, string? issuer)
    {
        var reference = CreditorReference.Parse(written, "SCOR", issuer);
        Assert.Equal(ReferenceScheme.BelgianOgm, reference.Scheme);
        Assert.Equal(CheckDigitStatus.Failed, reference.Check);
    }

    [Fact]
    public void Created_OGMs_verify()
    {
        Assert.Equal("+++123/4567/89002+++", CreditorReference.CreateBelgianOgm(1234567890));
        Assert.Equal("+++000/0000/09797+++", CreditorReference.CreateBelgianOgm(97));
        Assert.True(CreditorReference.Parse(CreditorReference.CreateBelgianOgm(42)).IsVerified);
    }

    [Fact]
    public void Twelve_bare_digits_without_the_BBA_issuer_are_not_taken_for_an_OGM()
    {
        Assert.Equal(ReferenceScheme.Unknown, CreditorReference.Parse("123456789002").Scheme);
    }

    [Theory]
    [InlineData("210000000003139471430009017", "QRR")] // the SIX implementation guidelines' example
    [InlineData("21 00000 00003 13947 14300 09017", "QRR")]
    [InlineData("000000000002016030002820804", "ISR Reference")] // PostFinance, in valid_example_v4.xml
    public void Valid_Swiss_references_verify(string written, string type)
    {
        var reference = CreditorReference.Parse(written, type);
        Assert.Equal(ReferenceScheme.SwissQr, reference.Scheme);
        Assert.Equal(CheckDigitStatus.Verified, reference.Check);
    }

    [Theory]
    [InlineData("210000000003139471430009018")]
    [InlineData("210000000003139471430009071")]
    [InlineData("21000000000313947143000901")]
    [InlineData("CreditorReference")]
    public void Broken_Swiss_references_fail(string written)
    {
        Assert.Equal(CheckDigitStatus.Failed, CreditorReference.Parse(written, "QRR").Check);
    }

    [Fact]
    public void Created_QR_references_verify()
    {
        var created = CreditorReference.CreateSwissQr("2026001001");
        Assert.Equal(27, created.Length);
        Assert.True(CreditorReference.Parse(created, "QRR").IsVerified);
    }

    [Theory]
    [InlineData("4654654654654654", "SCOR", null)]
    [InlineData("Rechnung 2026-1001", null, "ZKA")]
    [InlineData("MUELL/FINP/RA12345", "SCOR", null)]
    public void Other_structured_references_are_not_checkable_and_compared_as_written(string written, string? type, string? issuer)
    {
        var reference = CreditorReference.Parse(written, type, issuer);
        Assert.Equal(ReferenceScheme.Unknown, reference.Scheme);
        Assert.Equal(CheckDigitStatus.NotCheckable, reference.Check);
        Assert.Equal(string.Concat(written.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant(), reference.Value);
    }

    [Fact]
    public void The_Swiss_recursive_mod_10_catches_every_single_digit_error_and_swaps_of_neighbours()
    {
        const string body = "21000000000313947143000901";
        var check = CheckDigits.SwissMod10(body);
        for (var i = 0; i < body.Length; i++)
        {
            for (var d = '0'; d <= '9'; d++)
            {
                if (d != body[i])
                {
                    var changed = string.Concat(body.AsSpan(0, i), d.ToString(), body.AsSpan(i + 1));
                    Assert.NotEqual(check, CheckDigits.SwissMod10(changed));
                }
            }

            if (i + 1 < body.Length && body[i] != body[i + 1])
            {
                var swapped = string.Concat(body.AsSpan(0, i), body[i + 1].ToString(), body[i].ToString(), body.AsSpan(i + 2));
                Assert.NotEqual(check, CheckDigits.SwissMod10(swapped));
            }
        }
    }
}
