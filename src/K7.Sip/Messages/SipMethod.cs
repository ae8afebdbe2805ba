using System.Diagnostics.CodeAnalysis;

namespace K7.Sip;

/// <summary>A SIP method name. Methods are case-sensitive (RFC 3261 §7.1): <c>invite</c> is not <c>INVITE</c>.</summary>
public readonly struct SipMethod : IEquatable<SipMethod>
{
    private readonly string? _name;

    private SipMethod(string name, bool isKnown)
    {
        _name = name;
        IsKnown = isKnown;
    }

    /// <summary>Gets REGISTER.</summary>
    public static SipMethod Register { get; } = new("REGISTER", true);

    /// <summary>Gets INVITE.</summary>
    public static SipMethod Invite { get; } = new("INVITE", true);

    /// <summary>Gets ACK.</summary>
    public static SipMethod Ack { get; } = new("ACK", true);

    /// <summary>Gets BYE.</summary>
    public static SipMethod Bye { get; } = new("BYE", true);

    /// <summary>Gets CANCEL.</summary>
    public static SipMethod Cancel { get; } = new("CANCEL", true);

    /// <summary>Gets OPTIONS.</summary>
    public static SipMethod Options { get; } = new("OPTIONS", true);

    /// <summary>Gets INFO (RFC 6086).</summary>
    public static SipMethod Info { get; } = new("INFO", true);

    /// <summary>Gets MESSAGE (RFC 3428).</summary>
    public static SipMethod Message { get; } = new("MESSAGE", true);

    /// <summary>Gets NOTIFY (RFC 6665).</summary>
    public static SipMethod Notify { get; } = new("NOTIFY", true);

    /// <summary>Gets SUBSCRIBE (RFC 6665).</summary>
    public static SipMethod Subscribe { get; } = new("SUBSCRIBE", true);

    /// <summary>Gets REFER (RFC 3515).</summary>
    public static SipMethod Refer { get; } = new("REFER", true);

    /// <summary>Gets PRACK (RFC 3262).</summary>
    public static SipMethod Prack { get; } = new("PRACK", true);

    /// <summary>Gets UPDATE (RFC 3311).</summary>
    public static SipMethod Update { get; } = new("UPDATE", true);

    /// <summary>Gets PUBLISH (RFC 3903).</summary>
    public static SipMethod Publish { get; } = new("PUBLISH", true);

    /// <summary>Gets the method name, exactly as written (empty for the default value).</summary>
    public string Name => _name ?? string.Empty;

    /// <summary>Gets a value indicating whether this is one of the methods defined as static properties here.</summary>
    public bool IsKnown { get; }

    /// <summary>Parses a method name (a token).</summary>
    /// <param name="text">The method name.</param>
    /// <returns>The method; the cached instance for known methods.</returns>
    /// <exception cref="SipFormatException"><paramref name="text"/> is not a token.</exception>
    public static SipMethod Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out var method) ? method : throw new SipFormatException("A SIP method must be a non-empty token.", 0, null, "Method");

    /// <summary>Parses a method name (a token).</summary>
    /// <param name="text">The method name.</param>
    /// <param name="method">The method when valid.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a token.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out SipMethod method)
    {
        if (!SipGrammar.IsToken(text))
        {
            method = default;
            return false;
        }

        method = FromValidToken(text);
        return true;
    }

    internal static SipMethod FromValidToken(ReadOnlySpan<char> text) => text switch
    {
        "INVITE" => Invite,
        "ACK" => Ack,
        "BYE" => Bye,
        "CANCEL" => Cancel,
        "OPTIONS" => Options,
        "REGISTER" => Register,
        "INFO" => Info,
        "MESSAGE" => Message,
        "NOTIFY" => Notify,
        "SUBSCRIBE" => Subscribe,
        "REFER" => Refer,
        "PRACK" => Prack,
        "UPDATE" => Update,
        "PUBLISH" => Publish,
        _ => new SipMethod(text.ToString(), false),
    };

    internal static SipMethod FromValidToken(ReadOnlySpan<byte> text) => text.Length switch
    {
        6 when text.SequenceEqual("INVITE"u8) => Invite,
        3 when text.SequenceEqual("ACK"u8) => Ack,
        3 when text.SequenceEqual("BYE"u8) => Bye,
        6 when text.SequenceEqual("CANCEL"u8) => Cancel,
        7 when text.SequenceEqual("OPTIONS"u8) => Options,
        8 when text.SequenceEqual("REGISTER"u8) => Register,
        _ => FromValidToken(System.Text.Encoding.ASCII.GetString(text)),
    };

    /// <inheritdoc/>
    public bool Equals(SipMethod other) => string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is SipMethod other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <summary>Returns the method name.</summary>
    /// <returns><see cref="Name"/>.</returns>
    public override string ToString() => Name;

    /// <summary>Compares two methods (case-sensitive).</summary>
    /// <param name="left">The first method.</param>
    /// <param name="right">The second method.</param>
    /// <returns><see langword="true"/> when the names are equal.</returns>
    public static bool operator ==(SipMethod left, SipMethod right) => left.Equals(right);

    /// <summary>Compares two methods (case-sensitive).</summary>
    /// <param name="left">The first method.</param>
    /// <param name="right">The second method.</param>
    /// <returns><see langword="true"/> when the names differ.</returns>
    public static bool operator !=(SipMethod left, SipMethod right) => !left.Equals(right);
}
