using PhoneNumbers;

namespace K7.Routing.Tests.NumbersAndLists;

public sealed class PhoneNumberCanonicalizerTests
{
    private const ulong Key5551231111 = 15551231111;
    private const ulong LondonKey = 442079460958;

    [Fact]
    public void Ctor_DefaultRegion_IsUs()
    {
        var sut = new PhoneNumberCanonicalizer();

        Assert.Equal("US", sut.DefaultRegion);
        Assert.Equal(1, sut.DefaultCountryCode);
    }

    [Fact]
    public void Ctor_LowerCaseRegion_IsNormalized()
    {
        var sut = new PhoneNumberCanonicalizer(" gb ");

        Assert.Equal("GB", sut.DefaultRegion);
        Assert.Equal(44, sut.DefaultCountryCode);
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("USA")]
    [InlineData("")]
    [InlineData("001")]
    public void Ctor_UnknownRegion_Throws(string region)
    {
        var ex = Assert.Throws<ArgumentException>(() => new PhoneNumberCanonicalizer(region));

        Assert.Equal("defaultRegion", ex.ParamName);
    }

    [Fact]
    public void Ctor_NullRegion_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new PhoneNumberCanonicalizer(null!));
    }

    [Theory]
    [InlineData("555-123-1111")]
    [InlineData("(555) 123-1111")]
    [InlineData("+15551231111")]
    [InlineData("1 555 123 1111")]
    [InlineData("5551231111")]
    [InlineData("15551231111")]
    [InlineData("555.123.1111")]
    [InlineData("+1 (555) 123-1111")]
    [InlineData("  +1-555-123-1111  ")]
    [InlineData("1-555-123-1111")]
    [InlineData("011 1 555 123 1111")]
    [InlineData("+1 1 555 123 1111")]
    public void TryCanonicalize_UsForms_GiveTheSameKey(string text)
    {
        var sut = CreateSut();

        Assert.True(sut.TryCanonicalize(text, out var key));

        Assert.Equal(Key5551231111, key.Value);
        Assert.Equal("+15551231111", key.ToString());
    }

    [Theory]
    [InlineData("+44 20 7946 0958")]
    [InlineData("020 7946 0958")]
    [InlineData("02079460958")]
    [InlineData("0044 20 7946 0958")]
    [InlineData("+44 (0)20 7946 0958")]
    [InlineData("+442079460958")]
    public void TryCanonicalize_LondonFormsInGb_GiveTheSameKey(string text)
    {
        var sut = CreateSut("GB");

        Assert.True(sut.TryCanonicalize(text, out var key));

        Assert.Equal(LondonKey, key.Value);
    }

    [Theory]
    [InlineData("+44 20 7946 0958")]
    [InlineData("011 44 20 7946 0958")]
    public void TryCanonicalize_LondonFromUs_GivesTheSameKey(string text)
    {
        var sut = CreateSut();

        Assert.True(sut.TryCanonicalize(text, out var key));

        Assert.Equal(LondonKey, key.Value);
    }

    [Fact]
    public void TryCanonicalize_ItalianLeadingZero_IsKept()
    {
        var sut = CreateSut("IT");

        Assert.True(sut.TryCanonicalize("+39 06 1234 5678", out var international));
        Assert.True(sut.TryCanonicalize("06 1234 5678", out var national));

        Assert.Equal("+390612345678", international.ToString());
        Assert.Equal(international, national);
    }

    [Fact]
    public void TryCanonicalize_InvalidButReadableNumber_IsAccepted()
    {
        var sut = CreateSut();

        // 555-0100 numbers are fictional and +1 000... has no area code: tolerant canonicalization keeps them anyway.
        Assert.True(sut.TryCanonicalize("+1 123 456 7890", out var key));

        Assert.Equal("+11234567890", key.ToString());
    }

    [Theory]
    [InlineData("GB", "+00 44 20 7946 0958", 442079460958UL)]
    [InlineData("US", "+011 44 20 7946 0958", 442079460958UL)]
    [InlineData("KP", "+99 988282", 988282UL)]
    public void TryCanonicalize_PlusBeforeInternationalPrefix_ReadsLikeLibPhoneNumber(string region, string text, ulong expected)
    {
        // libphonenumber retries a + without a country code as a number of the default region, which may start with
        // that region's international prefix (KP's is 99, which does not start with 0).
        var sut = CreateSut(region);

        Assert.True(sut.TryCanonicalize(text, out var key));
        Assert.True(sut.TryCanonicalizeWithLibPhoneNumber(text, out var reference));

        Assert.Equal(expected, key.Value);
        Assert.Equal(reference, key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("anonymous")]
    [InlineData("Anonymous")]
    [InlineData("unknown")]
    [InlineData("Restricted")]
    [InlineData("+")]
    [InlineData("+1")]
    [InlineData("+999 555 1234")]
    [InlineData("+1 555 123 1111 2222 3333")]
    [InlineData("()")]
    public void TryCanonicalize_NotANumber_ReturnsFalse(string text)
    {
        var sut = CreateSut();

        Assert.False(sut.TryCanonicalize(text, out var key));

        Assert.True(key.IsEmpty);
    }

    [Theory]
    [InlineData("US", "+15551231111")]
    [InlineData("US", "555-123-1111")]
    [InlineData("US", "(555) 123-1111")]
    [InlineData("US", "1 555 123 1111")]
    [InlineData("US", "+44 20 7946 0958")]
    [InlineData("US", "+39 06 1234 5678")]
    [InlineData("US", "+61 2 9876 5432")]
    [InlineData("US", "+86 10 1234 5678")]
    [InlineData("US", "+54 9 11 1234 5678")]
    [InlineData("US", "+49 30 123456")]
    [InlineData("GB", "+15551231111")]
    [InlineData("GB", "+44 20 7946 0958")]
    [InlineData("CA", "(416) 555-0199")]
    [InlineData("JM", "876-555-0199")]
    public void TryCanonicalize_CommonForms_TakeTheFastPath(string region, string text)
    {
        var sut = CreateSut(region);

        Assert.Equal(FastPathResult.Match, sut.TryFastPath(text.AsSpan().Trim(), out var fast));
        Assert.True(sut.TryCanonicalizeWithLibPhoneNumber(text, out var reference));

        Assert.Equal(reference, fast);
    }

    [Fact]
    public void TryCanonicalize_CommonForms_AllocateNothing()
    {
        var us = CreateSut();
        var gb = CreateSut("GB");
        string[] forms =
        [
            "+15551231111", "555-123-1111", "(555) 123-1111", "1 555 123 1111", "+1 (555) 123-1111", "+44 20 7946 0958",
            "+39 06 1234 5678", "+61 2 9876 5432", "+86 10 1234 5678", "anonymous", "",
        ];
        var found = 0;

        // Warm up: the first calls JIT-compile and fill the calling-code table and the regex runners.
        for (var i = 0; i < 100; i++)
        {
            foreach (var form in forms)
            {
                us.TryCanonicalize(form, out _);
                gb.TryCanonicalize(form, out _);
            }
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            foreach (var form in forms)
            {
                found += us.TryCanonicalize(form, out _) ? 1 : 0;
                found += gb.TryCanonicalize("+15551231111", out _) ? 1 : 0;
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(1_000 * ((forms.Length - 2) + forms.Length), found);
    }

    [Fact]
    public void TryCanonicalize_NationalPrefixPatternOnManyThreads_AllocatesNothing()
    {
        // +86 1... runs China's national-prefix pattern; threads using one shared Regex at once would allocate runners.
        var sut = CreateSut();
        var allocated = new long[4];
        var threads = Enumerable.Range(0, allocated.Length).Select(t => new Thread(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                sut.TryCanonicalize("+86 139 1234 5678", out _);
            }

            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 20_000; i++)
            {
                sut.TryCanonicalize("+86 139 1234 5678", out _);
                sut.TryCanonicalize("+86 10 1234 5678", out _);
            }

            allocated[t] = GC.GetAllocatedBytesForCurrentThread() - before;
        })).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.All(allocated, a => Assert.Equal(0, a));
    }

    [Fact]
    public void Parse_PortalExample_IsPossibleButNotValid()
    {
        var sut = CreateSut();
        var util = PhoneNumberUtil.GetInstance();

        var key = sut.Parse("5551231111");

        Assert.Equal("+15551231111", key.ToString());
        Assert.False(util.IsValidNumber(util.Parse("5551231111", "US")));
    }

    [Theory]
    [InlineData("US", "(555) 123-1111", "+15551231111")]
    [InlineData("US", "+44 20 7946 0958", "+442079460958")]
    [InlineData("GB", "020 7946 0958", "+442079460958")]
    [InlineData("GB", "+44 (0)20 7946 0958", "+442079460958")]
    [InlineData("DE", "030 123456", "+4930123456")]
    [InlineData("US", " 5551231111 ", "+15551231111")]
    public void Parse_ListEntry_GivesCanonicalKey(string region, string text, string expected)
    {
        var sut = CreateSut(region);

        var key = sut.Parse(text);

        Assert.Equal(expected, key.ToString());
        Assert.True(sut.TryCanonicalize(text, out var incoming));
        Assert.Equal(key, incoming);
    }

    [Theory]
    [InlineData("US", "555-12", "too short", 6)]
    [InlineData("US", "555-123-11x1", "unexpected character 'x'", 10)]
    [InlineData("US", "5551231111 ext 12", "unexpected character 'e'", 11)]
    [InlineData("US", "1+5551231111", "'+' may only come first", 1)]
    [InlineData("US", "+999 555 1234", "invalid country code", 1)]
    [InlineData("US", "", "empty", 0)]
    [InlineData("US", "   ", "empty", 0)]
    [InlineData("US", "---", "no digits", 0)]
    [InlineData("US", "+1 555 123 1111 2222", "too long", 16)]
    [InlineData("US", "555-1234", "add the area code", 8)]
    [InlineData("GB", "+44 20 7946", "too short", 11)]
    [InlineData("US", "555\t123 1111", "U+0009", 3)]
    public void TryParse_InvalidEntry_SaysWhatAndWhere(string region, string text, string reason, int position)
    {
        var sut = CreateSut(region);

        Assert.False(sut.TryParse(text, out var key, out var error));

        Assert.True(key.IsEmpty);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.EndsWith($"(position {position})", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidEntry_ThrowsWithPosition()
    {
        var sut = CreateSut();

        var ex = Assert.Throws<RoutingFormatException>(() => sut.Parse("555-12"));

        Assert.Equal(6, ex.Position);
        Assert.Null(ex.Line);
        Assert.Null(ex.Field);
        Assert.Contains("'555-12' is not a phone number: too short", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_WithoutError_AgreesWithErrorOverload()
    {
        var sut = CreateSut();

        Assert.True(sut.TryParse("+15551231111", out var a));
        Assert.True(sut.TryParse("+15551231111", out var b, out var error));
        Assert.False(sut.TryParse("12", out _));

        Assert.Equal(a, b);
        Assert.Null(error);
    }

    [Theory]
    [InlineData(PhoneNumberFormat.E164, "+15551231111")]
    [InlineData(PhoneNumberFormat.INTERNATIONAL, "+1 555-123-1111")]
    [InlineData(PhoneNumberFormat.NATIONAL, "(555) 123-1111")]
    [InlineData(PhoneNumberFormat.RFC3966, "tel:+1-555-123-1111")]
    public void Format_Key_UsesLibPhoneNumberRules(PhoneNumberFormat format, string expected)
    {
        var sut = CreateSut();

        Assert.Equal(expected, sut.Format(new PhoneNumberKey(Key5551231111), format));
    }

    [Fact]
    public void Format_DefaultFormat_IsE164()
    {
        var sut = CreateSut("GB");

        Assert.Equal("+442079460958", sut.Format(new PhoneNumberKey(LondonKey)));
        Assert.Equal("020 7946 0958", sut.Format(new PhoneNumberKey(LondonKey), PhoneNumberFormat.NATIONAL));
    }

    [Fact]
    public void Format_UnassignedCountryCode_FallsBackToE164()
    {
        var sut = CreateSut();

        Assert.Equal("+9991234567", sut.Format(new PhoneNumberKey(9991234567), PhoneNumberFormat.INTERNATIONAL));
    }

    [Fact]
    public void Format_EmptyKey_Throws()
    {
        var sut = CreateSut();

        Assert.Throws<ArgumentException>(() => sut.Format(default));
    }

    private static PhoneNumberCanonicalizer CreateSut(string region = "US") => new(region);
}
