namespace O2C.CashApplication.References;

/// <summary>The check digit arithmetic behind the reference schemes, on strings so no length ever overflows.</summary>
public static class CheckDigits
{
    // Table of the Swiss "Modulo 10, rekursiv" procedure (ISR/QR reference, SIX implementation guidelines).
    private static readonly int[] SwissCarry = [0, 9, 4, 6, 8, 2, 7, 1, 3, 5];

    /// <summary>Remainder modulo 97 of the digits and letters (A=10 .. Z=35), as ISO 7064 MOD 97-10 reads them.</summary>
    public static int Mod97(ReadOnlySpan<char> text)
    {
        var remainder = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                remainder = ((remainder * 100) + (c - 'A' + 10)) % 97;
            }
            else
            {
                throw new ArgumentException($"'{c}' is neither a digit nor an upper-case letter.", nameof(text));
            }
        }

        return remainder;
    }

    /// <summary>The check digit the Swiss recursive mod 10 procedure appends to <paramref name="digits"/>.</summary>
    public static int SwissMod10(ReadOnlySpan<char> digits)
    {
        var carry = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                throw new ArgumentException($"'{c}' is not a digit.", nameof(digits));
            }

            carry = SwissCarry[(carry + (c - '0')) % 10];
        }

        return (10 - carry) % 10;
    }

    /// <summary>The two check digits of a Belgian OGM for its ten-digit base: the remainder modulo 97, and 97 instead of 0.</summary>
    public static int BelgianOgm(ReadOnlySpan<char> base10)
    {
        var remainder = Mod97(base10);
        return remainder == 0 ? 97 : remainder;
    }
}
