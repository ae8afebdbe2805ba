using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace K7.Routing;

/// <summary>
/// Turns phone numbers as callers send them and as users type them into <see cref="PhoneNumberKey"/>s, so that
/// <c>555-123-1111</c>, <c>(555) 123-1111</c>, <c>1 555 123 1111</c> and <c>+15551231111</c> all match the same
/// allow or block list entry. Numbers without a country code are read as numbers of <see cref="DefaultRegion"/>.
/// </summary>
/// <remarks>
/// <para>There are two entry points, for two kinds of input:</para>
/// <list type="bullet">
/// <item><description>
/// <see cref="TryCanonicalize"/> is for the caller number of an incoming call, on the routing hot path. It is tolerant:
/// any number libphonenumber can read gets a key, valid or not (a spoofed or unassigned caller number still needs a
/// canonical form to be compared against the lists). It never throws, and allocates nothing for the common forms:
/// <c>+</c> followed by digits, and, when the default region is in the North American Numbering Plan (country code 1),
/// 10 national digits or 11 digits starting with 1 (the area code starting with 2 to 9); both with optional separators
/// (space, <c>-</c>, <c>.</c>, <c>(</c>, <c>)</c>). Other forms go through libphonenumber, which allocates: the
/// <c>00</c> or <c>011</c> international prefix, a national trunk prefix (the 0 of <c>020 7946 0958</c>, or after the
/// country code as in <c>+44 (0)20 7946 0958</c>), other regions' national numbers, other characters. Either way the
/// key is the one libphonenumber gives. Text without any digit (<c>anonymous</c>, <c>unknown</c>, <c>Restricted</c>)
/// returns <see langword="false"/> without allocating. SIP and tel URIs are not unwrapped: pass the user part.
/// </description></item>
/// <item><description>
/// <see cref="Parse"/> and <see cref="TryParse(ReadOnlySpan{char}, out PhoneNumberKey, out string?)"/> are for list
/// entries typed by users. They are strict: only digits, one leading <c>+</c> and the separators above are accepted
/// (no letters, no extensions), and the number must be a <em>possible</em> number for its country
/// (libphonenumber's <c>IsPossibleNumber</c>: the right number of digits). It need not be a <em>valid</em> number
/// (<c>IsValidNumber</c>: an assigned range): the portal's own example, 5551231111, is in the 555 range that
/// libphonenumber considers invalid, and numbers that are valid today may not have been in older metadata.
/// Errors say what is wrong (<c>too short</c>, <c>not a number</c>, <c>invalid country code</c>) and where.
/// </description></item>
/// </list>
/// <para>
/// Both give the same key for the same text whenever both accept it. The portal asks users to type numbers without
/// dashes or parentheses; this class accepts them anyway.
/// </para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class PhoneNumberCanonicalizer
{
    /// <summary>libphonenumber rejects longer input.</summary>
    private const int MaxInputLength = 250;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private readonly bool _isNanp;

    /// <summary>The international call prefix of the default region (00, 011...), which libphonenumber also tries after a <c>+</c> that is not followed by a country code.</summary>
    private readonly Regex? _internationalPrefix;

    /// <summary>Initializes a new instance of the <see cref="PhoneNumberCanonicalizer"/> class.</summary>
    /// <param name="defaultRegion">
    /// The region whose national numbers are read without a country code: a two-letter ISO 3166-1 code that
    /// libphonenumber supports, such as <c>US</c> (the default), <c>CA</c> or <c>GB</c>; case does not matter.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="defaultRegion"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="defaultRegion"/> is not a region libphonenumber supports.</exception>
    public PhoneNumberCanonicalizer(string defaultRegion = "US")
    {
        ArgumentNullException.ThrowIfNull(defaultRegion);
        var region = defaultRegion.Trim().ToUpperInvariant();
        if (!Util.GetSupportedRegions().Contains(region))
        {
            throw new ArgumentException(
                $"'{defaultRegion}' is not a region that libphonenumber supports; use a two-letter ISO 3166-1 code such as US, CA or GB.",
                nameof(defaultRegion));
        }

        DefaultRegion = region;
        DefaultCountryCode = Util.GetCountryCodeForRegion(region);
        _isNanp = DefaultCountryCode == 1;
        var internationalPrefix = Util.GetMetadataForRegion(region)?.InternationalPrefix;
        if (!string.IsNullOrEmpty(internationalPrefix))
        {
            _internationalPrefix = new Regex($"^(?:{internationalPrefix})", RegexOptions.CultureInvariant);
        }
    }

    /// <summary>Gets the region whose national numbers are read without a country code, in upper case, such as <c>US</c>.</summary>
    public string DefaultRegion { get; }

    /// <summary>Gets the country calling code of <see cref="DefaultRegion"/>, such as 1 for <c>US</c> or 44 for <c>GB</c>.</summary>
    public int DefaultCountryCode { get; }

    /// <summary>
    /// Gets the canonical key of an incoming caller number. Tolerant, never throws, and allocates nothing for the
    /// common forms (see the remarks of <see cref="PhoneNumberCanonicalizer"/>).
    /// </summary>
    /// <param name="text">The caller number, such as <c>+15551231111</c>, <c>(555) 123-1111</c> or <c>00 44 20 7946 0958</c>. Surrounding white space is ignored.</param>
    /// <param name="key">The key, or the empty key when the text is not a phone number.</param>
    /// <returns>
    /// <see langword="true"/> when the text is a phone number libphonenumber can read (whether or not it is valid)
    /// with at most 15 digits; <see langword="false"/> for anything else, such as <c>anonymous</c>, an empty string,
    /// an unknown country code or too few digits.
    /// </returns>
    public bool TryCanonicalize(ReadOnlySpan<char> text, out PhoneNumberKey key)
    {
        text = text.Trim();
        return TryFastPath(text, out key) switch
        {
            FastPathResult.Match => true,
            FastPathResult.NoMatch => false,
            _ => TryCanonicalizeWithLibPhoneNumber(text, out key),
        };
    }

    /// <summary>Parses a number typed by a user for an allow or block list (strict; see the remarks of <see cref="PhoneNumberCanonicalizer"/>).</summary>
    /// <param name="text">The number, such as <c>5551231111</c>, <c>+44 20 7946 0958</c> or <c>(555) 123-1111</c>. Surrounding white space is ignored.</param>
    /// <returns>The key.</returns>
    /// <exception cref="RoutingFormatException">
    /// The text is not a possible phone number; the message says why, and <see cref="RoutingFormatException.Position"/>
    /// is the offset of the first character at fault (the end of the text when digits are missing).
    /// </exception>
    public PhoneNumberKey Parse(ReadOnlySpan<char> text)
    {
        if (TryParseCore(text, out var key, out var failure))
        {
            return key;
        }

        throw new RoutingFormatException(
            $"'{PhoneNumberKey.Abbreviate(text)}' is not a phone number: {failure}",
            line: null,
            field: null,
            failure.Position);
    }

    /// <summary>Tries to parse a number typed by a user for an allow or block list (strict; see the remarks of <see cref="PhoneNumberCanonicalizer"/>).</summary>
    /// <param name="text">The number. Surrounding white space is ignored.</param>
    /// <param name="key">The key, or the empty key when the text is not a possible phone number.</param>
    /// <returns><see langword="true"/> when the text is a possible phone number. Never throws.</returns>
    public bool TryParse(ReadOnlySpan<char> text, out PhoneNumberKey key) => TryParseCore(text, out key, out _);

    /// <summary>Tries to parse a number typed by a user for an allow or block list, and says what is wrong when it is not a possible phone number.</summary>
    /// <param name="text">The number. Surrounding white space is ignored.</param>
    /// <param name="key">The key, or the empty key when the text is not a possible phone number.</param>
    /// <param name="error">
    /// <see langword="null"/> on success; otherwise what is wrong and the zero-based position of the first character
    /// at fault, such as <c>too short (position 6)</c> or <c>unexpected character 'x' (position 3)</c>.
    /// </param>
    /// <returns><see langword="true"/> when the text is a possible phone number. Never throws.</returns>
    public bool TryParse(ReadOnlySpan<char> text, out PhoneNumberKey key, [NotNullWhen(false)] out string? error)
    {
        if (TryParseCore(text, out key, out var failure))
        {
            error = null;
            return true;
        }

        error = failure.ToString();
        return false;
    }

    /// <summary>Formats a key for people, with libphonenumber's formatting rules for the number's country.</summary>
    /// <param name="key">The key.</param>
    /// <param name="format">
    /// The format: <see cref="PhoneNumberFormat.E164"/> (the default, <c>+15551231111</c>, the same as <see cref="PhoneNumberKey.ToString()"/>),
    /// <see cref="PhoneNumberFormat.INTERNATIONAL"/> (<c>+1 555-123-1111</c>), <see cref="PhoneNumberFormat.NATIONAL"/>
    /// (<c>(555) 123-1111</c>, the national form of the number's own country) or <see cref="PhoneNumberFormat.RFC3966"/>
    /// (<c>tel:+1-555-123-1111</c>).
    /// </param>
    /// <returns>The formatted number; the E.164 form when libphonenumber cannot read the key (an unassigned country code).</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    public string Format(PhoneNumberKey key, PhoneNumberFormat format = PhoneNumberFormat.E164)
    {
        if (key.IsEmpty)
        {
            throw new ArgumentException("The key is empty: it stands for no phone number.", nameof(key));
        }

        var e164 = key.ToString();
        if (format == PhoneNumberFormat.E164)
        {
            return e164;
        }

        try
        {
            return Util.Format(Util.Parse(e164, DefaultRegion), format);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }

    /// <summary>The strict parse behind <see cref="Parse"/> and <see cref="TryParse(ReadOnlySpan{char}, out PhoneNumberKey)"/>, with the reason and position of a failure.</summary>
    internal bool TryParseCore(ReadOnlySpan<char> text, out PhoneNumberKey key, out PhoneNumberParseFailure failure)
    {
        key = default;
        var start = 0;
        var end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (start == end)
        {
            failure = new("empty: enter a phone number", 0);
            return false;
        }

        if (end - start > MaxInputLength)
        {
            failure = new($"too long: more than {MaxInputLength} characters", start + MaxInputLength);
            return false;
        }

        var digitCount = 0;
        var firstDigit = -1;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                digitCount++;
                if (firstDigit < 0)
                {
                    firstDigit = i;
                }
            }
            else if (c == '+')
            {
                if (i != start)
                {
                    failure = new("not a number: '+' may only come first", i);
                    return false;
                }
            }
            else if (!IsSeparator(c))
            {
                failure = new($"not a number: unexpected character {Describe(c)}; use digits, a leading '+', spaces, '-', '.', '(' and ')'", i);
                return false;
            }
        }

        if (digitCount == 0)
        {
            failure = new("not a number: there are no digits", start);
            return false;
        }

        var trimmed = text[start..end];
        PhoneNumber number;
        try
        {
            number = Util.Parse(trimmed.ToString(), DefaultRegion);
        }
        catch (NumberParseException e)
        {
            failure = e.ErrorType switch
            {
                ErrorType.INVALID_COUNTRY_CODE => new("invalid country code", firstDigit),
                ErrorType.TOO_SHORT_AFTER_IDD => new("too short after the international prefix", end),
                ErrorType.TOO_SHORT_NSN => new("too short", end),
                ErrorType.TOO_LONG => new("too long", DigitPosition(text, start, end, PhoneNumberKey.MaxDigits)),
                _ when digitCount < 3 => new("too short", end),
                _ => new("not a number", start),
            };
            return false;
        }

        var reason = Util.IsPossibleNumberWithReason(number);
        switch (reason)
        {
            case PhoneNumberUtil.ValidationResult.IS_POSSIBLE:
                break;
            case PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY:
                failure = new("too short: a local number; add the area code", end);
                return false;
            case PhoneNumberUtil.ValidationResult.INVALID_COUNTRY_CODE:
                failure = new("invalid country code", firstDigit);
                return false;
            case PhoneNumberUtil.ValidationResult.TOO_SHORT:
                failure = new("too short", end);
                return false;
            case PhoneNumberUtil.ValidationResult.TOO_LONG:
                failure = new("too long", SurplusDigitPosition(text, start, end, digitCount, number));
                return false;
            default:
                failure = new($"wrong number of digits for a +{number.CountryCode} number", end);
                return false;
        }

        if (!TryCreateKey(number, out key))
        {
            failure = new("too long: more than 15 digits", DigitPosition(text, start, end, PhoneNumberKey.MaxDigits));
            return false;
        }

        failure = default;
        return true;
    }

    /// <summary>Canonicalizes with libphonenumber alone, bypassing the fast path (the reference the fast path is tested against).</summary>
    internal bool TryCanonicalizeWithLibPhoneNumber(ReadOnlySpan<char> text, out PhoneNumberKey key)
    {
        key = default;
        text = text.Trim();
        if (text.IsEmpty || text.Length > MaxInputLength || !ContainsDigit(text))
        {
            return false;
        }

        PhoneNumber number;
        try
        {
            number = Util.Parse(text.ToString(), DefaultRegion);
        }
        catch (NumberParseException)
        {
            return false;
        }

        return TryCreateKey(number, out key);
    }

    /// <summary>
    /// The allocation-free path for the common forms. <see cref="FastPathResult.Match"/> only when the key is
    /// certainly what libphonenumber would give; <see cref="FastPathResult.Fallback"/> whenever in doubt.
    /// </summary>
    internal FastPathResult TryFastPath(ReadOnlySpan<char> text, out PhoneNumberKey key)
    {
        key = default;
        if (text.IsEmpty || text.Length > MaxInputLength)
        {
            return FastPathResult.NoMatch;
        }

        Span<char> digits = stackalloc char[PhoneNumberKey.MaxDigits];
        var international = text[0] == '+';
        var count = 0;
        for (var i = international ? 1 : 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length)
                {
                    return FastPathResult.Fallback;
                }

                digits[count++] = c;
            }
            else if (!IsSeparator(c))
            {
                return FastPathResult.Fallback;
            }
        }

        if (count == 0)
        {
            return FastPathResult.NoMatch;
        }

        digits = digits[..count];
        if (international)
        {
            return TryInternational(digits, out key);
        }

        if (_isNanp)
        {
            // 10 digits with an area code (which never starts with 0 or 1), or 1 and those 10 digits.
            if (count == 10 && digits[0] is >= '2' and <= '9')
            {
                key = PhoneNumberKey.FromTrusted(10_000_000_000UL + ToNumber(digits));
                return FastPathResult.Match;
            }

            if (count == 11 && digits[0] == '1' && digits[1] is >= '2' and <= '9')
            {
                key = PhoneNumberKey.FromTrusted(ToNumber(digits));
                return FastPathResult.Match;
            }
        }

        return FastPathResult.Fallback;
    }

    private FastPathResult TryInternational(ReadOnlySpan<char> digits, out PhoneNumberKey key)
    {
        key = default;
        if (digits.Length < 3 || digits[0] == '0')
        {
            return FastPathResult.Fallback;
        }

        // Country calling codes are prefix-free, so at most one of the first 1, 2 or 3 digits is assigned.
        var code = 0;
        var codeLength = 0;
        for (var length = 1; length <= 3; length++)
        {
            code = (code * 10) + (digits[length - 1] - '0');
            if (CallingCodeTable.IsAssigned(code))
            {
                codeLength = length;
                break;
            }
        }

        if (codeLength == 0)
        {
            // libphonenumber tries the same three prefixes; then it drops the + and reads the rest as a number of the
            // default region, which succeeds only when it starts with the region's international prefix (+00 44...).
            return _internationalPrefix is not null && _internationalPrefix.IsMatch(digits) ? FastPathResult.Fallback : FastPathResult.NoMatch;
        }

        var national = digits[codeLength..];
        if (national.Length < 2 || CallingCodeTable.MayStripNationalPrefix(code, national))
        {
            return FastPathResult.Fallback;
        }

        key = PhoneNumberKey.FromTrusted(ToNumber(digits));
        return FastPathResult.Match;
    }

    private static bool TryCreateKey(PhoneNumber number, out PhoneNumberKey key)
    {
        key = default;
        var code = number.CountryCode;
        if (code <= 0)
        {
            return false;
        }

        var national = Util.GetNationalSignificantNumber(number);
        var codeDigits = code < 10 ? 1 : code < 100 ? 2 : 3;
        if (national.Length == 0 || codeDigits + national.Length > PhoneNumberKey.MaxDigits)
        {
            return false;
        }

        var value = (ulong)code;
        foreach (var c in national)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (uint)(c - '0');
        }

        key = PhoneNumberKey.FromTrusted(value);
        return true;
    }

    private static int SurplusDigitPosition(ReadOnlySpan<char> text, int start, int end, int digitCount, PhoneNumber number)
    {
        var max = CallingCodeTable.MaxNationalLength(number.CountryCode);
        if (max == 0)
        {
            return DigitPosition(text, start, end, PhoneNumberKey.MaxDigits);
        }

        // The national significant number is written last; the digits before it are the country code or a prefix.
        var nationalLength = Util.GetNationalSignificantNumber(number).Length;
        var index = Math.Clamp(digitCount - nationalLength + max, 0, digitCount - 1);
        return DigitPosition(text, start, end, index);
    }

    /// <summary>The offset of the digit with the zero-based <paramref name="digitIndex"/> among the digits of the text, or <paramref name="end"/> when there are fewer.</summary>
    private static int DigitPosition(ReadOnlySpan<char> text, int start, int end, int digitIndex)
    {
        var seen = 0;
        for (var i = start; i < end; i++)
        {
            if (char.IsDigit(text[i]) && seen++ == digitIndex)
            {
                return i;
            }
        }

        return end;
    }

    private static ulong ToNumber(ReadOnlySpan<char> digits)
    {
        ulong value = 0;
        foreach (var c in digits)
        {
            value = (value * 10) + (uint)(c - '0');
        }

        return value;
    }

    private static bool IsSeparator(char c) => c is ' ' or '-' or '.' or '(' or ')';

    private static bool ContainsDigit(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(char c) =>
        char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) ? $"U+{(int)c:X4}" : $"'{c}'";
}
