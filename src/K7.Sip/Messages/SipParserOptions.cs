namespace K7.Sip;

/// <summary>Limits applied when parsing SIP messages.</summary>
/// <remarks>Options are mutable for the options pattern; treat an instance as read-only once it is in use.</remarks>
public sealed class SipParserOptions
{
    /// <summary>Gets the default options (a shared instance; do not modify it).</summary>
    public static SipParserOptions Default { get; } = new();

    /// <summary>Gets or sets the largest message, in bytes, that is parsed; larger ones fail with <see cref="SipParseErrorKind.TooLarge"/>.</summary>
    /// <value>The default is 65536.</value>
    public int MaxMessageSize { get; set; } = 65536;
}
