using System.Buffers;
using System.Globalization;

namespace K7.Sip;

/// <summary>A SIP response. Immutable.</summary>
public sealed class SipResponse : SipMessage
{
    private readonly int _reasonStart;
    private readonly int _reasonEnd;
    private string? _reasonPhrase;

    /// <summary>Initializes a new instance of the <see cref="SipResponse"/> class.</summary>
    /// <param name="statusCode">The status code (100 to 699).</param>
    /// <param name="reasonPhrase">The reason phrase (may be empty; no CR or LF).</param>
    /// <param name="headers">The headers; the values of Via, From, To, Call-ID, CSeq, Contact, Max-Forwards, Expires and Content-Length are validated.</param>
    /// <param name="body">The body.</param>
    /// <exception cref="ArgumentException">A validated header value is malformed, or the reason phrase holds a line end.</exception>
    public SipResponse(int statusCode, string reasonPhrase, SipHeaderCollection headers, ReadOnlyMemory<byte> body = default)
        : base(headers, body)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 699);
        ArgumentNullException.ThrowIfNull(reasonPhrase);
        if (reasonPhrase.AsSpan().ContainsAny('\r', '\n'))
        {
            throw new ArgumentException("The reason phrase contains a line end.", nameof(reasonPhrase));
        }

        StatusCode = statusCode;
        _reasonPhrase = reasonPhrase;
    }

    /// <summary>A response whose headers the caller built from values that were already parsed and checked (no re-validation).</summary>
    internal SipResponse(int statusCode, string reasonPhrase, SipHeaderCollection headers, bool trusted)
        : base(headers, ReadOnlyMemory<byte>.Empty, trusted)
    {
        StatusCode = statusCode;
        _reasonPhrase = reasonPhrase;
    }

    internal SipResponse(byte[] buffer, HeaderRange[] ranges, ReadOnlyMemory<byte> body, int statusCode, int reasonStart, int reasonEnd)
        : base(buffer, ranges, body)
    {
        StatusCode = statusCode;
        _reasonStart = reasonStart;
        _reasonEnd = reasonEnd;
    }

    /// <summary>Gets the status code.</summary>
    public int StatusCode { get; }

    /// <summary>Gets the reason phrase (possibly empty).</summary>
    public string ReasonPhrase => _reasonPhrase ??= DecodeRange(_reasonStart, _reasonEnd);

    /// <summary>Gets the RFC 3261 §21 reason phrase for a status code, or a generic one for its class.</summary>
    /// <param name="statusCode">The status code.</param>
    /// <returns>The reason phrase.</returns>
    public static string GetDefaultReasonPhrase(int statusCode) => statusCode switch
    {
        100 => "Trying",
        180 => "Ringing",
        181 => "Call Is Being Forwarded",
        182 => "Queued",
        183 => "Session Progress",
        200 => "OK",
        202 => "Accepted",
        300 => "Multiple Choices",
        301 => "Moved Permanently",
        302 => "Moved Temporarily",
        305 => "Use Proxy",
        380 => "Alternative Service",
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        410 => "Gone",
        413 => "Request Entity Too Large",
        414 => "Request-URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Unsupported URI Scheme",
        420 => "Bad Extension",
        421 => "Extension Required",
        423 => "Interval Too Brief",
        480 => "Temporarily Unavailable",
        481 => "Call/Transaction Does Not Exist",
        482 => "Loop Detected",
        483 => "Too Many Hops",
        484 => "Address Incomplete",
        485 => "Ambiguous",
        486 => "Busy Here",
        487 => "Request Terminated",
        488 => "Not Acceptable Here",
        491 => "Request Pending",
        493 => "Undecipherable",
        500 => "Server Internal Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Server Time-out",
        505 => "Version Not Supported",
        513 => "Message Too Large",
        600 => "Busy Everywhere",
        603 => "Decline",
        604 => "Does Not Exist Anywhere",
        606 => "Not Acceptable",
        >= 100 and < 200 => "Provisional",
        >= 200 and < 300 => "Success",
        >= 300 and < 400 => "Redirection",
        >= 400 and < 500 => "Client Error",
        >= 500 and < 600 => "Server Error",
        _ => "Global Failure",
    };

    private protected override void WriteStartLine(IBufferWriter<byte> writer)
    {
        Write(writer, "SIP/2.0 ");
        Write(writer, StatusCode.ToString(CultureInfo.InvariantCulture));
        Write(writer, " ");
        Write(writer, ReasonPhrase);
        Write(writer, "\r\n");
    }
}
