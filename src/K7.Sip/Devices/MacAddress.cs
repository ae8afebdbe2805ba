using System.Diagnostics.CodeAnalysis;

namespace K7.Sip.Devices;

/// <summary>A 48-bit MAC address (EUI-48), as printed on a desk phone's label.</summary>
/// <remarks>
/// Parsing accepts <c>00:1A:2B:3C:4D:5E</c>, <c>00-1a-2b-3c-4d-5e</c>, <c>001A.2B3C.4D5E</c> and
/// <c>001a2b3c4d5e</c>, in any letter case, and nothing else (no surrounding white space, no mixed separators).
/// The value is stored as six bytes, so addresses written differently are equal.
/// </remarks>
public readonly struct MacAddress : IEquatable<MacAddress>, ISpanParsable<MacAddress>
{
    private readonly ulong _value;

    /// <summary>Initializes a new instance of the <see cref="MacAddress"/> struct from six bytes.</summary>
    /// <param name="bytes">The address, most significant byte first.</param>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not six bytes long.</exception>
    public MacAddress(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 6)
        {
            throw new ArgumentException("A MAC address is six bytes.", nameof(bytes));
        }

        ulong value = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        _value = value;
    }

    private MacAddress(ulong value) => _value = value;

    /// <summary>Writes the six bytes of the address, most significant first.</summary>
    /// <param name="destination">At least six bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than six bytes.</exception>
    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length < 6)
        {
            throw new ArgumentException("The destination must hold six bytes.", nameof(destination));
        }

        for (var i = 0; i < 6; i++)
        {
            destination[i] = (byte)(_value >> (8 * (5 - i)));
        }
    }

    /// <summary>Gets the six bytes of the address, most significant first.</summary>
    /// <returns>A new six-byte array.</returns>
    public byte[] ToArray()
    {
        var bytes = new byte[6];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>Parses a MAC address.</summary>
    /// <param name="s">The text.</param>
    /// <returns>The address.</returns>
    /// <exception cref="SipFormatException">The text is not a MAC address in one of the accepted forms; <see cref="SipFormatException.Position"/> is the first offending character.</exception>
    public static MacAddress Parse(ReadOnlySpan<char> s)
    {
        if (!TryParseCore(s, out var result, out var error, out var position))
        {
            throw new SipFormatException($"'{s}' is not a MAC address: {error}", position, null, "MacAddress");
        }

        return result;
    }

    /// <summary>Parses a MAC address.</summary>
    /// <param name="s">The text.</param>
    /// <returns>The address.</returns>
    /// <exception cref="SipFormatException">The text is not a MAC address in one of the accepted forms.</exception>
    public static MacAddress Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan());
    }

    /// <summary>Parses a MAC address without throwing.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The address, or the default (all zero) address.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a MAC address in one of the accepted forms.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out MacAddress result) => TryParseCore(s, out result, out _, out _);

    /// <summary>Parses a MAC address without throwing.</summary>
    /// <param name="s">The text, or <see langword="null"/>.</param>
    /// <param name="result">The address, or the default (all zero) address.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a MAC address in one of the accepted forms.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out MacAddress result) => TryParseCore(s, out result, out _, out _);

    /// <inheritdoc/>
    static MacAddress ISpanParsable<MacAddress>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc/>
    static bool ISpanParsable<MacAddress>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out MacAddress result) => TryParse(s, out result);

    /// <inheritdoc/>
    static MacAddress IParsable<MacAddress>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc/>
    static bool IParsable<MacAddress>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out MacAddress result) => TryParse(s, out result);

    /// <summary>Formats the address as <c>00:1A:2B:3C:4D:5E</c>.</summary>
    /// <returns>The address.</returns>
    public override string ToString() => ToString(MacAddressFormat.Colon);

    /// <summary>Formats the address.</summary>
    /// <param name="format">The form to write.</param>
    /// <returns>The address.</returns>
    public string ToString(MacAddressFormat format)
    {
        var (separator, groupSize, upper) = format switch
        {
            MacAddressFormat.Colon => (':', 2, true),
            MacAddressFormat.Hyphen => ('-', 2, true),
            MacAddressFormat.Dotted => ('.', 4, false),
            MacAddressFormat.Bare => ('\0', 12, false),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown MAC address format."),
        };
        var digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        Span<char> buffer = stackalloc char[17];
        var n = 0;
        for (var i = 0; i < 12; i++)
        {
            if (i > 0 && i % groupSize == 0)
            {
                buffer[n++] = separator;
            }

            buffer[n++] = digits[(int)((_value >> (4 * (11 - i))) & 0xF)];
        }

        return buffer[..n].ToString();
    }

    /// <inheritdoc/>
    public bool Equals(MacAddress other) => _value == other._value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is MacAddress other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value.GetHashCode();

    /// <summary>Compares two addresses for equality.</summary>
    /// <param name="left">The first address.</param>
    /// <param name="right">The second address.</param>
    /// <returns><see langword="true"/> when they are the same address.</returns>
    public static bool operator ==(MacAddress left, MacAddress right) => left.Equals(right);

    /// <summary>Compares two addresses for inequality.</summary>
    /// <param name="left">The first address.</param>
    /// <param name="right">The second address.</param>
    /// <returns><see langword="true"/> when they are different addresses.</returns>
    public static bool operator !=(MacAddress left, MacAddress right) => !left.Equals(right);

    private static bool TryParseCore(ReadOnlySpan<char> s, out MacAddress result, out string error, out int position)
    {
        result = default;

        // The form is told by the first separator: after two digits (colon or hyphen), after four (dots), or none.
        char separator;
        int groupSize, length;
        if (s.Length > 2 && s[2] is ':' or '-')
        {
            (separator, groupSize, length) = (s[2], 2, 17);
        }
        else if (s.Length > 4 && s[4] == '.')
        {
            (separator, groupSize, length) = ('.', 4, 14);
        }
        else
        {
            (separator, groupSize, length) = ('\0', 12, 12);
        }

        ulong value = 0;
        var digits = 0;
        for (var i = 0; i < Math.Min(s.Length, length); i++)
        {
            var c = s[i];
            var separatorExpected = groupSize < 12 && (i + 1) % (groupSize + 1) == 0;
            if (separatorExpected)
            {
                if (c != separator)
                {
                    error = $"expected '{separator}' at position {i}.";
                    position = i;
                    return false;
                }

                continue;
            }

            if (!char.IsAsciiHexDigit(c))
            {
                error = $"'{c}' at position {i} is not a hexadecimal digit.";
                position = i;
                return false;
            }

            value = (value << 4) | (uint)HexValue(c);
            digits++;
        }

        if (s.Length < length)
        {
            error = s.IsEmpty ? "the text is empty." : "the address ends early.";
            position = s.Length;
            return false;
        }

        if (s.Length > length)
        {
            error = $"unexpected text after the address at position {length}.";
            position = length;
            return false;
        }

        result = new MacAddress(value);
        error = string.Empty;
        position = 0;
        return digits == 12;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
