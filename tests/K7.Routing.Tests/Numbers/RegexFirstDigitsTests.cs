using System.Text.RegularExpressions;
using PhoneNumbers;

namespace K7.Routing.Tests.NumbersAndLists;

public sealed class RegexFirstDigitsTests
{
    [Theory]
    [InlineData("0", "0")]
    [InlineData("0|180020", "01")]
    [InlineData("(1(?:[12][0-9]|79)[0-9][0-9])|0", "01")]
    [InlineData("([24-9][0-9]{6})$|0", "0245678 9")]
    [InlineData("0?(?:(11|2[0-9]|3)?15)?", "0123")]
    [InlineData("(?:0|90)(?:(1[245])([0-9]{10,11}))?", "09")]
    [InlineData("[08]", "08")]
    [InlineData("0{0,2}5", "05")]
    [InlineData("[^0]", "0123456789")]
    [InlineData("\\d", "0123456789")]
    [InlineData("(?=1)1", "0123456789")]
    public void Compute_Pattern_GivesFirstDigits(string pattern, string digits)
    {
        var expected = digits.Where(char.IsAsciiDigit).Aggregate(0, (mask, d) => mask | (1 << (d - '0')));

        Assert.Equal(expected, RegexFirstDigits.Compute(pattern));
    }

    [Fact]
    public void Compute_EveryNationalPrefixPattern_IsSound()
    {
        var util = PhoneNumberUtil.GetInstance();
        var random = new Random(1234);
        foreach (var code in util.GetSupportedCallingCodes())
        {
            var region = util.GetRegionCodeForCountryCode(code);
            var metadata = region == "001" ? util.GetMetadataForNonGeographicalRegion(code) : util.GetMetadataForRegion(region);
            var pattern = metadata.NationalPrefixForParsing;
            if (string.IsNullOrEmpty(pattern) || pattern.All(char.IsAsciiDigit))
            {
                continue;
            }

            var mask = RegexFirstDigits.Compute(pattern);
            Assert.NotEqual(RegexFirstDigits.AllDigits, mask);
            var regex = new Regex($"^(?:{pattern})(?<=.)", RegexOptions.CultureInvariant);
            for (var i = 0; i < 20_000; i++)
            {
                var digits = new string([.. Enumerable.Range(0, random.Next(1, 16)).Select(_ => (char)('0' + random.Next(10)))]);
                if (regex.IsMatch(digits))
                {
                    Assert.True((mask & (1 << (digits[0] - '0'))) != 0, $"+{code} {pattern}: {digits}");
                }
            }
        }
    }
}
