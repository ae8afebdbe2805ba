namespace K7.Sip;

/// <summary>
/// Text or bytes given to a K7.Sip parser (a SIP message, a URI, a header value, a MAC address, a users file) are not
/// in the expected form.
/// </summary>
/// <remarks>
/// <see cref="Position"/> is the zero-based offset of the problem in the input that was parsed (a byte offset for
/// messages, a character offset for text). <see cref="Line"/> is the one-based line of that offset when the input has
/// lines (a SIP message's start line is line 1), and <see cref="Field"/> names the header or field that holds it.
/// </remarks>
public sealed class SipFormatException : FormatException
{
    /// <summary>Initializes a new instance of the <see cref="SipFormatException"/> class.</summary>
    public SipFormatException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SipFormatException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    public SipFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SipFormatException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The error that caused this one.</param>
    public SipFormatException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SipFormatException"/> class for a problem at a known place.</summary>
    /// <param name="message">What is wrong, and where in words.</param>
    /// <param name="position">The zero-based offset of the problem in the input.</param>
    /// <param name="line">The one-based line of the problem, or <see langword="null"/> when the input has no lines.</param>
    /// <param name="field">The header or field holding the problem, or <see langword="null"/>.</param>
    /// <param name="innerException">The error that caused this one, if any.</param>
    public SipFormatException(string message, long position, long? line = null, string? field = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Position = position;
        Line = line;
        Field = field;
    }

    /// <summary>Gets the zero-based offset of the problem in the input (bytes for messages, characters for text), or 0 when not known.</summary>
    public long Position { get; }

    /// <summary>Gets the one-based line of the problem, when the input has lines.</summary>
    public long? Line { get; }

    /// <summary>Gets the header or field that holds the problem, when known.</summary>
    public string? Field { get; }
}
