using System.Buffers;

namespace K7.Sip;

/// <summary>A SIP request. Immutable.</summary>
public sealed class SipRequest : SipMessage
{
    private readonly int _uriStart;
    private readonly int _uriEnd;
    private SipUri? _requestUri;

    /// <summary>Initializes a new instance of the <see cref="SipRequest"/> class.</summary>
    /// <param name="method">The method.</param>
    /// <param name="requestUri">The Request-URI.</param>
    /// <param name="headers">The headers; the values of Via, From, To, Call-ID, CSeq, Contact, Max-Forwards, Expires and Content-Length are validated.</param>
    /// <param name="body">The body.</param>
    /// <exception cref="ArgumentException">A validated header value is malformed, or the method is empty.</exception>
    public SipRequest(SipMethod method, SipUri requestUri, SipHeaderCollection headers, ReadOnlyMemory<byte> body = default)
        : base(headers, body)
    {
        ArgumentNullException.ThrowIfNull(requestUri);
        if (method.Name.Length == 0)
        {
            throw new ArgumentException("The method is empty.", nameof(method));
        }

        Method = method;
        _requestUri = requestUri;
    }

    internal SipRequest(byte[] buffer, HeaderRange[] ranges, ReadOnlyMemory<byte> body, SipMethod method, int uriStart, int uriEnd)
        : base(buffer, ranges, body)
    {
        Method = method;
        _uriStart = uriStart;
        _uriEnd = uriEnd;
    }

    /// <summary>Gets the method.</summary>
    public SipMethod Method { get; }

    /// <summary>Gets the Request-URI.</summary>
    public SipUri RequestUri => _requestUri ??= ReadUri();

    /// <summary>
    /// Creates a response to this request (RFC 3261 §8.2.6): copies every Via, From, To, Call-ID and CSeq; adds
    /// <paramref name="toTag"/> to To when To has no tag yet; sets <c>Content-Length: 0</c>.
    /// </summary>
    /// <param name="statusCode">The status code (100 to 699).</param>
    /// <param name="reasonPhrase">The reason phrase, or <see langword="null"/> for <see cref="SipResponse.GetDefaultReasonPhrase"/>.</param>
    /// <param name="toTag">The To tag to add (a token), if any.</param>
    /// <returns>The response.</returns>
    public SipResponse CreateResponse(int statusCode, string? reasonPhrase = null, string? toTag = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 699);
        if (toTag is not null && !SipGrammar.IsToken(toTag))
        {
            throw new ArgumentException("A tag must be a token.", nameof(toTag));
        }

        var builder = SipHeaderCollection.CreateBuilder();
        foreach (var h in Headers)
        {
            if (SipHeaderNames.AreSame(h.Name, SipHeaderNames.Via))
            {
                builder.Add(SipHeaderNames.Via, h.Value);
            }
        }

        if (Headers[SipHeaderNames.From] is { } from)
        {
            builder.Add(SipHeaderNames.From, from);
        }

        if (Headers[SipHeaderNames.To] is { } to)
        {
            builder.Add(SipHeaderNames.To, toTag is not null && To is { Tag: null } ? to + ";tag=" + toTag : to);
        }

        if (Headers[SipHeaderNames.CallId] is { } callId)
        {
            builder.Add(SipHeaderNames.CallId, callId);
        }

        if (Headers[SipHeaderNames.CSeq] is { } cseq)
        {
            builder.Add(SipHeaderNames.CSeq, cseq);
        }

        builder.Add(SipHeaderNames.ContentLength, "0");
        return new SipResponse(statusCode, reasonPhrase ?? SipResponse.GetDefaultReasonPhrase(statusCode), builder.Build());
    }

    private protected override void WriteStartLine(IBufferWriter<byte> writer)
    {
        Write(writer, Method.Name);
        Write(writer, " ");
        Write(writer, RequestUri.ToString());
        Write(writer, " SIP/2.0\r\n");
    }

    private SipUri ReadUri()
    {
        var text = DecodeRange(_uriStart, _uriEnd);
        return SipUri.Build(text, text);
    }
}
