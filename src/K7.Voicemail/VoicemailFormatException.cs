namespace K7.Voicemail;

/// <summary>
/// Text or bytes given to a K7.Voicemail parser (an audio file, a stored record) are not in the expected form.
/// </summary>
/// <remarks>
/// <see cref="Position"/> is the zero-based offset of the problem in the input that was parsed (a byte offset for
/// audio files, a character offset for text). <see cref="Line"/> is the one-based line of that offset when the input
/// has lines, and <see cref="Field"/> names the field or chunk that holds it.
/// </remarks>
public sealed class VoicemailFormatException : FormatException
{
    /// <summary>Initializes a new instance of the <see cref="VoicemailFormatException"/> class.</summary>
    public VoicemailFormatException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="VoicemailFormatException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    public VoicemailFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="VoicemailFormatException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The error that caused this one.</param>
    public VoicemailFormatException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="VoicemailFormatException"/> class for a problem at a known place.</summary>
    /// <param name="message">What is wrong, and where in words.</param>
    /// <param name="position">The zero-based offset of the problem in the input.</param>
    /// <param name="line">The one-based line of the problem, or <see langword="null"/> when the input has no lines.</param>
    /// <param name="field">The header or field holding the problem, or <see langword="null"/>.</param>
    /// <param name="innerException">The error that caused this one, if any.</param>
    public VoicemailFormatException(string message, long position, long? line = null, string? field = null, Exception? innerException = null)
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
