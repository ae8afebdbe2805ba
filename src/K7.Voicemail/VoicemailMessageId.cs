using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace K7.Voicemail;

/// <summary>The identifier of one voicemail message: a time-ordered 128-bit value (a version 7 UUID).</summary>
/// <remarks>
/// The text form is 32 lower-case hexadecimal digits without separators (<c>0192f3a4…</c>); it names the message's
/// files on disk, so <see cref="Parse(ReadOnlySpan{char})"/> accepts exactly that form and nothing else.
/// Identifiers created later sort after earlier ones (to the millisecond).
/// The default value (all zero) is not a valid message identifier; stores reject it.
/// </remarks>
public readonly struct VoicemailMessageId : IEquatable<VoicemailMessageId>, IComparable<VoicemailMessageId>, ISpanParsable<VoicemailMessageId>
{
    private const int TextLength = 32;

    private readonly Guid _value;

    private VoicemailMessageId(Guid value) => _value = value;

    /// <summary>Gets a value indicating whether this is the default (all zero) identifier, which names no message.</summary>
    public bool IsEmpty => _value == Guid.Empty;

    /// <summary>Creates a new identifier, ordered by <paramref name="now"/>.</summary>
    /// <param name="now">The current time, from the caller's clock.</param>
    /// <returns>A new, unique identifier.</returns>
    public static VoicemailMessageId New(Instant now) => new(Guid.CreateVersion7(now.ToDateTimeOffset()));

    /// <summary>Parses an identifier written as 32 hexadecimal digits.</summary>
    /// <param name="s">The text.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="VoicemailFormatException">The text is not 32 hexadecimal digits, or is all zero.</exception>
    public static VoicemailMessageId Parse(ReadOnlySpan<char> s)
    {
        if (!TryParseCore(s, out var result, out var error, out var position))
        {
            throw new VoicemailFormatException($"'{s}' is not a voicemail message identifier: {error}", position, null, "VoicemailMessageId");
        }

        return result;
    }

    /// <summary>Parses an identifier written as 32 hexadecimal digits.</summary>
    /// <param name="s">The text.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="VoicemailFormatException">The text is not 32 hexadecimal digits, or is all zero.</exception>
    public static VoicemailMessageId Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan());
    }

    /// <summary>Parses an identifier without throwing.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The identifier, or the default value.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is 32 hexadecimal digits, not all zero.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out VoicemailMessageId result) => TryParseCore(s, out result, out _, out _);

    /// <summary>Parses an identifier without throwing.</summary>
    /// <param name="s">The text, or <see langword="null"/>.</param>
    /// <param name="result">The identifier, or the default value.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is 32 hexadecimal digits, not all zero.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out VoicemailMessageId result) => TryParseCore(s, out result, out _, out _);

    /// <inheritdoc/>
    static VoicemailMessageId ISpanParsable<VoicemailMessageId>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc/>
    static bool ISpanParsable<VoicemailMessageId>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out VoicemailMessageId result) => TryParse(s, out result);

    /// <inheritdoc/>
    static VoicemailMessageId IParsable<VoicemailMessageId>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc/>
    static bool IParsable<VoicemailMessageId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out VoicemailMessageId result) => TryParse(s, out result);

    /// <summary>Compares two identifiers.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(VoicemailMessageId left, VoicemailMessageId right) => left.Equals(right);

    /// <summary>Compares two identifiers.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(VoicemailMessageId left, VoicemailMessageId right) => !left.Equals(right);

    /// <summary>Orders two identifiers.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(VoicemailMessageId left, VoicemailMessageId right) => left.CompareTo(right) < 0;

    /// <summary>Orders two identifiers.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first or they are equal.</returns>
    public static bool operator <=(VoicemailMessageId left, VoicemailMessageId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders two identifiers.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(VoicemailMessageId left, VoicemailMessageId right) => left.CompareTo(right) > 0;

    /// <summary>Orders two identifiers.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last or they are equal.</returns>
    public static bool operator >=(VoicemailMessageId left, VoicemailMessageId right) => left.CompareTo(right) >= 0;

    /// <inheritdoc/>
    public bool Equals(VoicemailMessageId other) => _value == other._value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is VoicemailMessageId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value.GetHashCode();

    /// <summary>Orders identifiers by creation time (version 7 UUIDs sort by their leading timestamp).</summary>
    /// <param name="other">The identifier to compare with.</param>
    /// <returns>Less than zero when this identifier sorts first, zero when equal, more than zero otherwise.</returns>
    public int CompareTo(VoicemailMessageId other) => _value.CompareTo(other._value);

    /// <summary>Formats the identifier as 32 lower-case hexadecimal digits.</summary>
    /// <returns>The identifier.</returns>
    public override string ToString() => _value.ToString("N", System.Globalization.CultureInfo.InvariantCulture);

    private static bool TryParseCore(ReadOnlySpan<char> s, out VoicemailMessageId result, out string error, out int position)
    {
        result = default;
        position = 0;
        if (s.Length != TextLength)
        {
            error = $"it must be {TextLength} hexadecimal digits.";
            position = Math.Min(s.Length, TextLength);
            return false;
        }

        for (var i = 0; i < s.Length; i++)
        {
            if (!char.IsAsciiHexDigit(s[i]))
            {
                error = $"the character at {i} is not a hexadecimal digit.";
                position = i;
                return false;
            }
        }

        var guid = Guid.ParseExact(s, "N");
        if (guid == Guid.Empty)
        {
            error = "the all-zero identifier names no message.";
            return false;
        }

        error = string.Empty;
        result = new VoicemailMessageId(guid);
        return true;
    }
}
