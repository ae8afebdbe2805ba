using System.Diagnostics.CodeAnalysis;

namespace K7.Voicemail;

/// <summary>The identifier of a voicemail mailbox, usually the owner's extension (<c>202</c>).</summary>
/// <remarks>
/// <para>
/// A mailbox identifier is 1 to 32 ASCII letters, digits, <c>-</c> or <c>_</c>, starting with a letter or a digit.
/// It names a folder on disk, so anything else is rejected: no dots, slashes, white space or control characters,
/// and none of the names Windows reserves for devices (<c>con</c>, <c>prn</c>, <c>aux</c>, <c>nul</c>,
/// <c>com1</c>…<c>com9</c>, <c>lpt1</c>…<c>lpt9</c>).
/// </para>
/// <para>
/// Letters are stored in lower case, so <c>Sales</c> and <c>sales</c> are the same mailbox on every file system.
/// </para>
/// </remarks>
public sealed class MailboxId : IEquatable<MailboxId>, ISpanParsable<MailboxId>
{
    /// <summary>The longest identifier accepted, in characters.</summary>
    public const int MaxLength = 32;

    private static readonly string[] ReservedNames =
    [
        "con", "prn", "aux", "nul",
        "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    ];

    private MailboxId(string value) => Value = value;

    /// <summary>Gets the identifier, in lower case; safe to use as a file name.</summary>
    public string Value { get; }

    /// <summary>Parses a mailbox identifier.</summary>
    /// <param name="s">The text.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="VoicemailFormatException">The text is not a valid mailbox identifier; <see cref="VoicemailFormatException.Position"/> is the first offending character.</exception>
    public static MailboxId Parse(ReadOnlySpan<char> s)
    {
        if (!TryParseCore(s, out var result, out var error, out var position))
        {
            throw new VoicemailFormatException($"'{s}' is not a mailbox identifier: {error}", position, null, "MailboxId");
        }

        return result;
    }

    /// <summary>Parses a mailbox identifier.</summary>
    /// <param name="s">The text.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="VoicemailFormatException">The text is not a valid mailbox identifier.</exception>
    public static MailboxId Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan());
    }

    /// <summary>Parses a mailbox identifier without throwing.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The identifier, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid mailbox identifier.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, [NotNullWhen(true)] out MailboxId? result) => TryParseCore(s, out result, out _, out _);

    /// <summary>Parses a mailbox identifier without throwing.</summary>
    /// <param name="s">The text, or <see langword="null"/>.</param>
    /// <param name="result">The identifier, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a valid mailbox identifier.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, [NotNullWhen(true)] out MailboxId? result) => TryParseCore(s, out result, out _, out _);

    /// <inheritdoc/>
    static MailboxId ISpanParsable<MailboxId>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc/>
    static bool ISpanParsable<MailboxId>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, [MaybeNullWhen(false)] out MailboxId result) => TryParse(s, out result);

    /// <inheritdoc/>
    static MailboxId IParsable<MailboxId>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc/>
    static bool IParsable<MailboxId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out MailboxId result) => TryParse(s, out result);

    /// <summary>Compares two identifiers.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> when both are <see langword="null"/> or name the same mailbox.</returns>
    public static bool operator ==(MailboxId? left, MailboxId? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two identifiers.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> when they name different mailboxes.</returns>
    public static bool operator !=(MailboxId? left, MailboxId? right) => !(left == right);

    /// <inheritdoc/>
    public bool Equals(MailboxId? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is MailboxId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns the identifier (<see cref="Value"/>).</summary>
    /// <returns>The identifier, in lower case.</returns>
    public override string ToString() => Value;

    private static bool TryParseCore(ReadOnlySpan<char> s, [NotNullWhen(true)] out MailboxId? result, out string error, out int position)
    {
        result = null;
        position = 0;
        if (s.IsEmpty)
        {
            error = "it is empty.";
            return false;
        }

        if (s.Length > MaxLength)
        {
            error = $"it is longer than {MaxLength} characters.";
            position = MaxLength;
            return false;
        }

        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var ok = char.IsAsciiLetterOrDigit(c) || (i > 0 && (c == '-' || c == '_'));
            if (!ok)
            {
                error = i == 0 && (c == '-' || c == '_')
                    ? "it must start with a letter or a digit."
                    : $"the character at {i} is not an ASCII letter, digit, '-' or '_'.";
                position = i;
                return false;
            }
        }

        var value = s.ToString().ToLowerInvariant();
        if (Array.IndexOf(ReservedNames, value) >= 0)
        {
            error = "it is a device name that Windows reserves.";
            return false;
        }

        error = string.Empty;
        result = new MailboxId(value);
        return true;
    }
}
