using PhoneNumbers;

namespace K7.Contacts.Search;

/// <summary>The digit strings a number is searched by.</summary>
/// <remarks>
/// A number is found by its digits (<c>+15551231111</c> by <c>15551231111</c>), and an E.164 number (one that starts
/// with <c>+</c>) also by its national digits, the digits after the country calling code (<c>5551231111</c>), so that a
/// prefix search for <c>555</c> finds it. The calling code is the one to three leading digits that libphonenumber knows
/// as a calling code (calling codes are prefix-free, so at most one length fits); a number whose leading digits are no
/// known calling code has no national digits.
/// </remarks>
internal static class NumberDigits
{
    private static readonly bool[] CallingCodes = LoadCallingCodes();

    /// <summary>Gets the national digits of an E.164 number, or the empty string.</summary>
    /// <param name="number">The number as stored.</param>
    /// <param name="digits">Its digits (<see cref="TextFolding.Digits(string?)"/>).</param>
    public static string National(string? number, string digits)
    {
        if (number is null || !number.StartsWith('+'))
        {
            return string.Empty;
        }

        var code = 0;
        for (var length = 1; length <= 3 && length < digits.Length; length++)
        {
            code = (code * 10) + (digits[length - 1] - '0');
            if (CallingCodes[code])
            {
                return digits[length..];
            }
        }

        return string.Empty;
    }

    private static bool[] LoadCallingCodes()
    {
        var codes = new bool[1000];
        foreach (var code in PhoneNumberUtil.GetInstance().GetSupportedCallingCodes())
        {
            if (code is > 0 and < 1000)
            {
                codes[code] = true;
            }
        }

        return codes;
    }
}
