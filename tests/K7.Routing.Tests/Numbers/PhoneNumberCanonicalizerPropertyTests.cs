using FsCheck.Xunit;
using PhoneNumbers;

namespace K7.Routing.Tests.NumbersAndLists;

public sealed class PhoneNumberCanonicalizerPropertyTests
{
    private static readonly Dictionary<string, PhoneNumberCanonicalizer> Canonicalizers =
        NumberGenerators.Regions.Concat(PhoneNumberUtil.GetInstance().GetSupportedRegions()).Distinct().ToDictionary(r => r, r => new PhoneNumberCanonicalizer(r));

    [Property(MaxTest = 2000, Arbitrary = new[] { typeof(NumberGenerators) })]
    public void TryCanonicalizeAndTryParse_AnyText_NeverThrow(NumberText x)
    {
        foreach (var region in new[] { "US", "GB", "AR", "IT" })
        {
            var sut = Canonicalizers[region];

            _ = sut.TryCanonicalize(x.Text, out _);
            _ = sut.TryParse(x.Text, out _, out _);
            _ = PhoneNumberKey.TryParse(x.Text, out _);
        }
    }

    [Property(MaxTest = 2000, Arbitrary = new[] { typeof(NumberGenerators) })]
    public void TryCanonicalize_AnyText_AgreesWithLibPhoneNumber(NumberText x)
    {
        var sut = Canonicalizers["US"];

        var fast = sut.TryCanonicalize(x.Text, out var key);
        var reference = sut.TryCanonicalizeWithLibPhoneNumber(x.Text, out var expected);

        Assert.Equal(reference, fast);
        Assert.Equal(expected, key);
    }

    [Property(MaxTest = 3000, Arbitrary = new[] { typeof(NumberGenerators) })]
    public void TryCanonicalize_FastForms_AgreeWithLibPhoneNumber(FastFormCase x)
    {
        var sut = Canonicalizers[x.Region];

        var fast = sut.TryCanonicalize(x.Text, out var key);
        var reference = sut.TryCanonicalizeWithLibPhoneNumber(x.Text, out var expected);

        Assert.True(reference == fast, $"fast path {(fast ? key.ToString() : "no")}, libphonenumber {(reference ? expected.ToString() : "no")}");
        Assert.Equal(expected, key);
    }

    [Property(MaxTest = 1000, Arbitrary = new[] { typeof(NumberGenerators) })]
    public void TryParse_AcceptedEntry_IsWhatIncomingCallsCanonicalizeTo(FastFormCase x)
    {
        var sut = Canonicalizers[x.Region];

        if (sut.TryParse(x.Text, out var listed))
        {
            Assert.True(sut.TryCanonicalize(x.Text, out var incoming));
            Assert.Equal(listed, incoming);
        }
    }

    [Property(MaxTest = 1000, Arbitrary = new[] { typeof(NumberGenerators) })]
    public void Key_ValidNumber_RoundTripsThroughEveryFormat(ValidNumber x)
    {
        var util = PhoneNumberUtil.GetInstance();
        var home = Canonicalizers[x.Region];
        var us = Canonicalizers["US"];

        Assert.True(home.TryParse(x.E164, out var key, out var error), error);

        Assert.Equal(x.E164, key.ToString());
        Assert.Equal(key, PhoneNumberKey.Parse(key.ToString()));
        foreach (var format in new[] { PhoneNumberFormat.E164, PhoneNumberFormat.INTERNATIONAL, PhoneNumberFormat.RFC3966 })
        {
            var text = format == PhoneNumberFormat.RFC3966 ? home.Format(key, format)["tel:".Length..] : home.Format(key, format);
            Assert.True(us.TryCanonicalize(text, out var again), $"{format}: {text}");
            Assert.Equal(key, again);
        }

        var national = util.Format(x.Number, PhoneNumberFormat.NATIONAL);
        Assert.True(home.TryCanonicalize(national, out var fromNational), $"national: {national}");
        Assert.Equal(key, fromNational);
    }

    [Property(MaxTest = 500, Arbitrary = new[] { typeof(NumberGenerators) })]
    public void TryCanonicalize_NanpNationalAndInternationalForms_Agree(NanpNumber x)
    {
        var sut = Canonicalizers["US"];
        var n = x.National;
        string[] forms =
        [
            n, $"1{n}", $"+1{n}", $"({n[..3]}) {n[3..6]}-{n[6..]}", $"{n[..3]}-{n[3..6]}-{n[6..]}", $"{n[..3]}.{n[3..6]}.{n[6..]}",
            $"1 {n[..3]} {n[3..6]} {n[6..]}", $"+1 ({n[..3]}) {n[3..6]}-{n[6..]}", $"011 1 {n}",
        ];

        foreach (var form in forms)
        {
            Assert.True(sut.TryCanonicalize(form, out var key), form);
            Assert.Equal(x.ToString(), key.ToString());
        }

        Assert.Equal(x.ToString(), sut.Parse(n).ToString());
    }
}
