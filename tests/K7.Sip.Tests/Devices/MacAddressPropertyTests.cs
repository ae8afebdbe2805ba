using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using K7.Sip.Devices;

namespace K7.Sip.Tests.Devices;

public class MacAddressPropertyTests
{
    [Property(MaxTest = 500)]
    public Property Parse_ToStringInEveryFormat_RoundTrips()
    {
        var gen =
            from bytes in Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i), 6)
            from format in Gen.Elements(MacAddressFormat.Colon, MacAddressFormat.Hyphen, MacAddressFormat.Dotted, MacAddressFormat.Bare)
            from upper in Gen.Elements(true, false)
            select (bytes, format, upper);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var mac = new MacAddress(t.bytes);
            var text = mac.ToString(t.format);
            text = t.upper ? text.ToUpperInvariant() : text.ToLowerInvariant();

            var parsed = MacAddress.Parse(text);

            return parsed == mac && parsed.ToArray().AsSpan().SequenceEqual(t.bytes);
        });
    }

    [Property(MaxTest = 500)]
    public void TryParse_ArbitraryText_NeverThrows(string? text)
    {
        _ = MacAddress.TryParse(text, out _);
    }
}
