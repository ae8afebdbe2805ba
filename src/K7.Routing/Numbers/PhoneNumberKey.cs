using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace K7.Routing;

/// <summary>
/// A phone number in canonical form: the digits of its E.164 form (country calling code followed by the national
/// significant number) held as one number, so that comparing and hashing two phone numbers costs one integer operation.
/// </summary>
/// <remarks>
/// <para>
/// An E.164 number has at most 15 digits and never starts with 0 (no country calling code does), so the digit string
/// and its numeric <see cref="Value"/> determine each other: <c>+15551231111</c> is 15551231111, <c>+390612345678</c>
/// (Italy keeps its leading zero) is 390612345678.
/// </para>
/// <para>
/// Obtain keys from <see cref="PhoneNumberCanonicalizer"/>, which turns what callers send and what users type
/// (<c>555-123-1111</c>, <c>(555) 123-1111</c>, <c>+1 555 123 1111</c>) into the same key. <see cref="Parse(ReadOnlySpan{char})"/>
/// on this type accepts only the canonical text that <see cref="ToString()"/> writes, for storage and serialization.
/// </para>
/// <para>The default value is the empty key (<see cref="IsEmpty"/>), which no phone number has.</para>
/// </remarks>
public readonly struct PhoneNumberKey : IEquatable<PhoneNumberKey>, ISpanFormattable, ISpanParsable<PhoneNumberKey>
{
    /// <summary>The largest number of digits of an E.164 number.</summary>
    internal const int MaxDigits = 15;

    /// <summary>The largest <see cref="Value"/>: 15 nines.</summary>
    internal const ulong MaxValue = 999_999_999_999_999;

    private readonly ulong _value;

    /// <summary>Initializes a new instance of the <see cref="PhoneNumberKey"/> struct from the digits of an E.164 number read as one number.</summary>
    /// <param name="value">The E.164 digits as a number, such as 15551231111 for +15551231111; 0 for the empty key.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> has more than 15 digits.</exception>
    /// <remarks>The country calling code is not checked: use <see cref="PhoneNumberCanonicalizer"/> for input that is not already canonical.</remarks>
    public PhoneNumberKey(ulong value)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxValue);
        _value = value;
    }

    /// <summary>Gets the digits of the E.164 form read as one number, such as 15551231111 for +15551231111; 0 for the empty key.</summary>
    public ulong Value => _value;

    /// <summary>Gets a value indicating whether this is the empty key (the default value), which stands for no number.</summary>
    public bool IsEmpty => _value == 0;

    /// <summary>Returns whether two keys stand for the same phone number.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns><see langword="true"/> when the keys are equal.</returns>
    public static bool operator ==(PhoneNumberKey left, PhoneNumberKey right) => left._value == right._value;

    /// <summary>Returns whether two keys stand for different phone numbers.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns><see langword="true"/> when the keys differ.</returns>
    public static bool operator !=(PhoneNumberKey left, PhoneNumberKey right) => left._value != right._value;

    /// <summary>Parses the canonical E.164 text that <see cref="ToString()"/> writes: <c>+</c> followed by 1 to 15 digits, the first of which is not 0, with nothing else.</summary>
    /// <param name="text">The text, such as <c>+15551231111</c>.</param>
    /// <returns>The key.</returns>
    /// <exception cref="RoutingFormatException"><paramref name="text"/> is not canonical E.164 text; its <see cref="RoutingFormatException.Position"/> is the first character at fault.</exception>
    /// <remarks>For numbers typed by people or sent by carriers, use <see cref="PhoneNumberCanonicalizer"/> instead.</remarks>
    public static PhoneNumberKey Parse(ReadOnlySpan<char> text)
    {
        if (TryParse(text, out var key, out var reason, out var position))
        {
            return key;
        }

        throw new RoutingFormatException($"'{Abbreviate(text)}' is not a canonical E.164 phone number: {reason} (position {position})", line: null, field: null, position);
    }

    /// <summary>Tries to parse the canonical E.164 text that <see cref="ToString()"/> writes: <c>+</c> followed by 1 to 15 digits, the first of which is not 0.</summary>
    /// <param name="text">The text, such as <c>+15551231111</c>.</param>
    /// <param name="result">The key, or the empty key when <paramref name="text"/> is not canonical.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is canonical E.164 text. Never throws.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out PhoneNumberKey result) => TryParse(text, out result, out _, out _);

    /// <inheritdoc/>
    public bool Equals(PhoneNumberKey other) => _value == other._value;

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is PhoneNumberKey other && _value == other._value;

    /// <inheritdoc/>
    public override int GetHashCode() => _value.GetHashCode();

    /// <summary>Returns the E.164 form, such as <c>+15551231111</c>, or an empty string for the empty key.</summary>
    /// <returns>The E.164 form.</returns>
    public override string ToString()
    {
        if (IsEmpty)
        {
            return string.Empty;
        }

        Span<char> buffer = stackalloc char[MaxDigits + 1];
        var written = FormatCore(buffer);
        return new string(buffer[..written]);
    }

    /// <summary>Writes the E.164 form, such as <c>+15551231111</c> (nothing for the empty key), without allocating.</summary>
    /// <param name="destination">Receives the text; 16 characters are always enough.</param>
    /// <param name="charsWritten">The number of characters written.</param>
    /// <returns><see langword="true"/> when <paramref name="destination"/> was large enough.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        if (destination.Length < FormattedLength())
        {
            charsWritten = 0;
            return false;
        }

        charsWritten = FormatCore(destination);
        return true;
    }

    /// <inheritdoc/>
    /// <remarks>The key has one format, E.164: <paramref name="format"/> must be <see langword="null"/>, empty or <c>E</c>.</remarks>
    string IFormattable.ToString(string? format, IFormatProvider? formatProvider)
    {
        CheckFormat(format);
        return ToString();
    }

    /// <inheritdoc/>
    /// <remarks>The key has one format, E.164: <paramref name="format"/> must be empty or <c>E</c>.</remarks>
    bool ISpanFormattable.TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        CheckFormat(format);
        return TryFormat(destination, out charsWritten);
    }

    /// <inheritdoc/>
    static PhoneNumberKey ISpanParsable<PhoneNumberKey>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc/>
    static bool ISpanParsable<PhoneNumberKey>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out PhoneNumberKey result) => TryParse(s, out result);

    /// <inheritdoc/>
    static PhoneNumberKey IParsable<PhoneNumberKey>.Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s);
    }

    /// <inheritdoc/>
    static bool IParsable<PhoneNumberKey>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out PhoneNumberKey result) => TryParse(s, out result);

    /// <summary>Creates a key from a value already known to have at most 15 digits.</summary>
    internal static PhoneNumberKey FromTrusted(ulong value)
    {
        Debug.Assert(value <= MaxValue, "An E.164 number has at most 15 digits.");
        return new PhoneNumberKey(value);
    }

    /// <summary>Shortens text for an error message.</summary>
    internal static string Abbreviate(ReadOnlySpan<char> text)
    {
        const int Max = 64;
        return text.Length <= Max ? text.ToString() : string.Concat(text[..Max], "…");
    }

    private static bool TryParse(ReadOnlySpan<char> text, out PhoneNumberKey result, out string? reason, out int position)
    {
        result = default;
        if (text.IsEmpty)
        {
            (reason, position) = ("the text is empty", 0);
            return false;
        }

        if (text[0] != '+')
        {
            (reason, position) = ("it must start with '+'", 0);
            return false;
        }

        if (text.Length == 1)
        {
            (reason, position) = ("no digits after '+'", 1);
            return false;
        }

        if (text[1] == '0')
        {
            (reason, position) = ("a country calling code never starts with 0", 1);
            return false;
        }

        ulong value = 0;
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsAsciiDigit(c))
            {
                (reason, position) = ($"unexpected character '{c}'; only digits may follow '+'", i);
                return false;
            }

            if (i > MaxDigits)
            {
                (reason, position) = ("more than 15 digits", i);
                return false;
            }

            value = (value * 10) + (uint)(c - '0');
        }

        result = new PhoneNumberKey(value);
        (reason, position) = (null, 0);
        return true;
    }

    private static void CheckFormat(ReadOnlySpan<char> format)
    {
        if (!format.IsEmpty && !format.SequenceEqual("E"))
        {
            throw new FormatException($"A phone number key has one format, E.164 ('E'); '{format}' is not supported.");
        }
    }

    private int FormattedLength() => IsEmpty ? 0 : CountDigits(_value) + 1;

    private int FormatCore(Span<char> destination)
    {
        if (IsEmpty)
        {
            return 0;
        }

        var length = CountDigits(_value) + 1;
        destination[0] = '+';
        var value = _value;
        for (var i = length - 1; i > 0; i--)
        {
            destination[i] = (char)('0' + (int)(value % 10));
            value /= 10;
        }

        return length;
    }

    private static int CountDigits(ulong value)
    {
        var digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }

        return digits;
    }
}
