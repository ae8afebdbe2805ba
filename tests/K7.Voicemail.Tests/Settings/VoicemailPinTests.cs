using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using K7.Voicemail.Settings;

namespace K7.Voicemail.Tests.Settings;

public sealed class VoicemailPinTests
{
    [Theory]
    [InlineData("4821")]
    [InlineData("000000")]
    [InlineData("123456789012")]
    public void TryValidate_Good_ReturnsTrue(string pin)
    {
        Assert.True(VoicemailPin.TryValidate(pin, "1001", out var reason));
        Assert.Null(reason);
        VoicemailPin.Validate(pin, "1001");
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData("123", "at least 4")]
    [InlineData("1234567890123", "at most 12")]
    [InlineData("12a4", "position 3")]
    [InlineData("１２３４", "position 1")]
    [InlineData(" 1234", "position 1")]
    [InlineData("9100155", "extension 1001")]
    [InlineData("1001", "extension 1001")]
    public void Validate_Bad_ThrowsWithPinFieldAndReason(string? pin, string expected)
    {
        var ex = Assert.Throws<VoicemailValidationException>(() => VoicemailPin.Validate(pin, "1001"));
        Assert.Equal("Pin", ex.Field);
        Assert.Contains(expected, ex.Reason, StringComparison.Ordinal);
        Assert.False(VoicemailPin.TryValidate(pin, "1001", out var reason));
        Assert.Equal(ex.Reason, reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../x")]
    [InlineData("-1001")]
    public void Validate_BadExtension_ThrowsArgumentException(string extension)
        => Assert.Throws<ArgumentException>(() => VoicemailPin.Validate("4821", extension));

    [Property(MaxTest = 300)]
    public Property TryValidate_DigitStrings_AcceptedIffLengthOkAndNoExtension()
        => Prop.ForAll(Gen.Choose(0, 15).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 9), n)).ToArbitrary(), digits =>
        {
            var pin = string.Concat(digits);
            var expected = pin.Length is >= 4 and <= 12 && !pin.Contains("202", StringComparison.Ordinal);
            return VoicemailPin.TryValidate(pin, "202", out _) == expected;
        });

    [Property(MaxTest = 300)]
    public bool TryValidate_AnyString_NeverThrows(string? pin) => VoicemailPin.TryValidate(pin, "1001", out var r) || r is not null;
}
