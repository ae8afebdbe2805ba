using System.Diagnostics.CodeAnalysis;

namespace K7.Sip;

/// <summary>Why and where a SIP message could not be parsed; the text of <see cref="Message"/> is built only when read.</summary>
public readonly struct SipParseError : IEquatable<SipParseError>
{
    private readonly string? _detail;

    internal SipParseError(SipParseErrorKind kind, string detail, long position, int line, string? headerName, bool isRequest)
    {
        Kind = kind;
        _detail = detail;
        Position = position;
        Line = line;
        HeaderName = headerName;
        IsRequest = isRequest;
    }

    /// <summary>Gets the kind of fault, or <see cref="SipParseErrorKind.None"/> for no error.</summary>
    public SipParseErrorKind Kind { get; }

    /// <summary>Gets the zero-based byte offset of the fault in the input.</summary>
    public long Position { get; }

    /// <summary>Gets the one-based line of the fault (the start line is line 1), or 0 when not known.</summary>
    public int Line { get; }

    /// <summary>Gets the canonical name of the header holding the fault (as written, for unknown headers), if any.</summary>
    public string? HeaderName { get; }

    /// <summary>Gets a value indicating whether the start line looked like a request, so that a response can be sent.</summary>
    public bool IsRequest { get; }

    /// <summary>
    /// Gets the status code a UAS answers with: 413 for <see cref="SipParseErrorKind.TooLarge"/>, 505 for
    /// <see cref="SipParseErrorKind.BadVersion"/>, 400 otherwise; 0 when the input was a response (drop it silently)
    /// or there is no error.
    /// </summary>
    public int SuggestedStatusCode => Kind == SipParseErrorKind.None || !IsRequest
        ? 0
        : Kind switch
        {
            SipParseErrorKind.TooLarge => 413,
            SipParseErrorKind.BadVersion => 505,
            _ => 400,
        };

    /// <summary>Gets a description of the fault and its place.</summary>
    public string Message
    {
        get
        {
            if (Kind == SipParseErrorKind.None)
            {
                return "No error.";
            }

            var line = Line == 0 ? string.Empty : $"line {Line}, ";
            var where = HeaderName is null ? line : $"header {HeaderName}, {line}";
            return $"{_detail} ({where}byte {Position}).";
        }
    }

    /// <summary>Creates the exception that <see cref="SipMessage.Parse(ReadOnlySpan{byte})"/> throws for this error.</summary>
    /// <returns>A positioned <see cref="SipFormatException"/>.</returns>
    public SipFormatException ToException() => new(Message, Position, Line == 0 ? null : Line, HeaderName);

    /// <summary>
    /// Builds the response a UAS sends for this error (<see cref="SuggestedStatusCode"/>), copying every Via and the
    /// From, To, Call-ID and CSeq of the datagram that are themselves valid. Fails when the input was a response, when
    /// there is no error, or when no valid Via remains to send the response to.
    /// </summary>
    /// <param name="datagram">The datagram that failed to parse (the same bytes given to <c>TryParse</c>).</param>
    /// <param name="response">The error response, with <c>Content-Length: 0</c>.</param>
    /// <returns><see langword="true"/> when a response was built.</returns>
    public bool TryCreateResponse(ReadOnlySpan<byte> datagram, [NotNullWhen(true)] out SipResponse? response)
    {
        response = ErrorResponder.Create(datagram, this);
        return response is not null;
    }

    /// <inheritdoc/>
    public override string ToString() => Message;

    /// <inheritdoc/>
    public bool Equals(SipParseError other) =>
        Kind == other.Kind && Position == other.Position && Line == other.Line && HeaderName == other.HeaderName &&
        IsRequest == other.IsRequest && _detail == other._detail;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SipParseError other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Position, Line, HeaderName);

    /// <summary>Compares two errors for equality.</summary>
    /// <param name="left">The first error.</param>
    /// <param name="right">The second error.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(SipParseError left, SipParseError right) => left.Equals(right);

    /// <summary>Compares two errors for inequality.</summary>
    /// <param name="left">The first error.</param>
    /// <param name="right">The second error.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(SipParseError left, SipParseError right) => !left.Equals(right);
}
