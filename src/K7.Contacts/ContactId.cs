using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace K7.Contacts;

/// <summary>The identifier of a contact: a directory user, a shared contact or a personal contact.</summary>
/// <remarks>
/// An identifier is 1 to 64 ASCII letters, digits, <c>-</c>, <c>_</c>, <c>.</c> or <c>@</c>, starting with a letter
/// or a digit, so a login name such as <c>202@example.com</c> can serve as a user's identifier. Identifiers compare
/// ordinally (case-sensitive). <c>default(ContactId)</c> is not a valid identifier; <see cref="IsEmpty"/> tells.
/// </remarks>
public readonly struct ContactId : IEquatable<ContactId>, IComparable<ContactId>, ISpanParsable<ContactId>
{
    /// <summary>The longest identifier accepted, in characters.</summary>
    public const int MaxLength = 64;

    private readonly string? _value;

    private ContactId(string value) => _value = value;

    /// <summary>Gets the identifier text; empty for <c>default(ContactId)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets a value indicating whether this is <c>default(ContactId)</c>, which names no contact.</summary>
    public bool IsEmpty => _value is null;

    /// <summary>Creates a new random identifier (<c>c-</c> followed by 20 lower-case hexadecimal digits).</summary>
    /// <returns>A new identifier.</returns>
    public static ContactId NewId()
    {
        Span<byte> bytes = stackalloc byte[10];
        RandomNumberGenerator.Fill(bytes);
        return new ContactId("c-" + Convert.ToHexStringLower(bytes));
    }

    /// <summary>Parses an identifier.</summary>
    /// <param name="s">The text.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="ContactFormatException">The text is not a valid identifier; the exception's column is the first offending character.</exception>
    public static ContactId Parse(ReadOnlySpan<char> s)
    {
        if (!TryParseCore(s, out var result, out var error, out var position))
        {
            throw new ContactFormatException($"'{s}' is not a contact identifier: {error}", line: 0, column: position + 1, field: "Id");
        }

        return result;
    }

    /// <summary>Parses an identifier.</summary>
    /// <param name="s">The text.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="ContactFormatException">The text is not a valid identifier.</exception>
    public static ContactId Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan());
    }

    /// <summary>Parses an identifier without throwing.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The identifier, or <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid identifier.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out ContactId result) => TryParseCore(s, out result, out _, out _);

    /// <summary>Parses an identifier without throwing.</summary>
    /// <param name="s">The text, or <see langword="null"/>.</param>
    /// <param name="result">The identifier, or <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid identifier.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out ContactId result)
    {
        if (s is null)
        {
            result = default;
            return false;
        }

        if (!IsValid(s, out _, out _))
        {
            result = default;
            return false;
        }

        result = new ContactId(s);
        return true;
    }

    /// <inheritdoc/>
    static ContactId ISpanParsable<ContactId>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc/>
    static bool ISpanParsable<ContactId>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out ContactId result) => TryParse(s, out result);

    /// <inheritdoc/>
    static ContactId IParsable<ContactId>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc/>
    static bool IParsable<ContactId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ContactId result) => TryParse(s, out result);

    /// <summary>Compares two identifiers for equality.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(ContactId left, ContactId right) => left.Equals(right);

    /// <summary>Compares two identifiers for inequality.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ContactId left, ContactId right) => !left.Equals(right);

    /// <summary>Orders two identifiers ordinally.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(ContactId left, ContactId right) => left.CompareTo(right) < 0;

    /// <summary>Orders two identifiers ordinally.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(ContactId left, ContactId right) => left.CompareTo(right) > 0;

    /// <summary>Orders two identifiers ordinally.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not sort last.</returns>
    public static bool operator <=(ContactId left, ContactId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders two identifiers ordinally.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not sort first.</returns>
    public static bool operator >=(ContactId left, ContactId right) => left.CompareTo(right) >= 0;

    /// <inheritdoc/>
    public bool Equals(ContactId other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ContactId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc/>
    public int CompareTo(ContactId other) => string.CompareOrdinal(_value, other._value);

    /// <inheritdoc/>
    public override string ToString() => Value;

    private static bool TryParseCore(ReadOnlySpan<char> s, out ContactId result, out string? error, out int position)
    {
        if (!IsValid(s, out error, out position))
        {
            result = default;
            return false;
        }

        result = new ContactId(s.ToString());
        return true;
    }

    private static bool IsValid(ReadOnlySpan<char> s, out string? error, out int position)
    {
        if (s.IsEmpty)
        {
            error = "it is empty";
            position = 0;
            return false;
        }

        if (s.Length > MaxLength)
        {
            error = $"it is longer than {MaxLength} characters";
            position = MaxLength;
            return false;
        }

        if (!char.IsAsciiLetterOrDigit(s[0]))
        {
            error = "it must start with a letter or a digit";
            position = 0;
            return false;
        }

        for (var i = 1; i < s.Length; i++)
        {
            var c = s[i];
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.' or '@'))
            {
                error = $"'{c}' at position {i + 1} is not allowed (letters, digits, '-', '_', '.' and '@' only)";
                position = i;
                return false;
            }
        }

        error = null;
        position = 0;
        return true;
    }
}
