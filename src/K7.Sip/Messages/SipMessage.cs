using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace K7.Sip;

/// <summary>
/// A SIP request or response (RFC 3261 §7). Immutable and thread-safe; typed header values are parsed on first access
/// and cached.
/// </summary>
/// <remarks>
/// <para>A parsed message keeps one copy of its bytes. The headers named by the typed properties (Via, From, To,
/// Call-ID, CSeq, Contact, Max-Forwards, Expires, Content-Length) were validated by the parser, so reading them does
/// not fail; strings and objects are only created when read.</para>
/// <para>Serialization (<see cref="ToBytes"/>, <see cref="WriteTo"/>) writes the start line, every header as
/// <c>Name: Value</c> (folded values are written unfolded, names as received) and the body. When no Content-Length
/// header is present, one giving the body length is appended.</para>
/// </remarks>
public abstract class SipMessage
{
    private readonly byte[]? _buffer;
    private readonly HeaderRange[]? _ranges;
    private SipHeaderCollection? _headers;
    private IReadOnlyList<SipVia>? _vias;
    private IReadOnlyList<SipContact>? _contacts;
    private Box<SipNameAddress?>? _from;
    private Box<SipNameAddress?>? _to;
    private Box<SipCSeq?>? _cseq;
    private string? _callId;

    private protected SipMessage(SipHeaderCollection headers, ReadOnlyMemory<byte> body)
        : this(headers, body, trusted: false)
    {
    }

    private protected SipMessage(SipHeaderCollection headers, ReadOnlyMemory<byte> body, bool trusted)
    {
        ArgumentNullException.ThrowIfNull(headers);
        foreach (var h in trusted ? SipHeaderCollection.Empty : headers)
        {
            var id = HeaderTable.Identify(h.Name);
            if (HeaderTable.Validate(id, h.Value, out var detail) >= 0)
            {
                throw new ArgumentException($"{detail}: {h.Name}: {h.Value}", nameof(headers));
            }
        }

        _headers = headers;
        Body = body;
    }

    private protected SipMessage(byte[] buffer, HeaderRange[] ranges, ReadOnlyMemory<byte> body)
    {
        _buffer = buffer;
        _ranges = ranges;
        Body = body;
    }

    /// <summary>Gets the headers, in the order received.</summary>
    public SipHeaderCollection Headers => _headers ??= MaterializeHeaders();

    /// <summary>Gets the body (exactly Content-Length bytes for a parsed message).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Gets every Via value, topmost first (all Via header lines, each split at commas).</summary>
    public IReadOnlyList<SipVia> Vias => _vias ??= ReadList(HeaderId.Via, SipHeaderNames.Via, static s =>
    {
        SipHeaderScanner.ScanVia(s, out var parts);
        return SipVia.FromParts(s, parts);
    });

    /// <summary>Gets the topmost Via, or <see langword="null"/>.</summary>
    public SipVia? TopVia => Vias.Count > 0 ? Vias[0] : null;

    /// <summary>Gets the From header, or <see langword="null"/> when absent.</summary>
    public SipNameAddress? From => (_from ??= new(ReadNameAddress(HeaderId.From, SipHeaderNames.From))).Value;

    /// <summary>Gets the To header, or <see langword="null"/> when absent.</summary>
    public SipNameAddress? To => (_to ??= new(ReadNameAddress(HeaderId.To, SipHeaderNames.To))).Value;

    /// <summary>Gets the Call-ID, or <see langword="null"/> when absent.</summary>
    public string? CallId => _callId ??= FirstValue(HeaderId.CallId, SipHeaderNames.CallId);

    /// <summary>Gets the CSeq, or <see langword="null"/> when absent.</summary>
    public SipCSeq? CSeq => (_cseq ??= new(ReadCSeq())).Value;

    /// <summary>Gets Max-Forwards (0 to 255), or <see langword="null"/> when absent.</summary>
    public int? MaxForwards => FirstValue(HeaderId.MaxForwards, SipHeaderNames.MaxForwards) is { } v &&
        SipGrammar.TryParseDigits(v, 255, out var n) ? (int)n : null;

    /// <summary>Gets every Contact value (all Contact header lines, each split at commas).</summary>
    public IReadOnlyList<SipContact> Contacts => _contacts ??= ReadList(HeaderId.Contact, SipHeaderNames.Contact, static s => SipContact.FromValid(s.ToString()));

    /// <summary>Gets the Expires header in seconds (values above <see cref="int.MaxValue"/> are clamped), or <see langword="null"/>.</summary>
    public int? Expires => FirstValue(HeaderId.Expires, SipHeaderNames.Expires) is { } v ? SipGrammar.ParseDeltaSeconds(v) : null;

    /// <summary>Gets the Content-Type value, or <see langword="null"/>.</summary>
    public string? ContentType => FirstValue(HeaderId.ContentType, SipHeaderNames.ContentType);

    /// <summary>Gets the User-Agent value, or <see langword="null"/>.</summary>
    public string? UserAgent => FirstValue(HeaderId.UserAgent, SipHeaderNames.UserAgent);

    /// <summary>Parses one datagram (UDP framing: the body is Content-Length bytes, or the rest of the datagram without one).</summary>
    /// <param name="datagram">The bytes received.</param>
    /// <param name="message">The message when valid.</param>
    /// <param name="error">Why and where it is not valid.</param>
    /// <returns><see langword="true"/> when parsed. Never throws on bad input.</returns>
    public static bool TryParse(ReadOnlySpan<byte> datagram, [NotNullWhen(true)] out SipMessage? message, out SipParseError error) =>
        SipMessageParser.TryParse(datagram, SipParserOptions.Default, out message, out error);

    /// <summary>Parses one datagram with the given limits.</summary>
    /// <param name="datagram">The bytes received.</param>
    /// <param name="options">The limits.</param>
    /// <param name="message">The message when valid.</param>
    /// <param name="error">Why and where it is not valid.</param>
    /// <returns><see langword="true"/> when parsed. Never throws on bad input.</returns>
    public static bool TryParse(ReadOnlySpan<byte> datagram, SipParserOptions options, [NotNullWhen(true)] out SipMessage? message, out SipParseError error)
    {
        ArgumentNullException.ThrowIfNull(options);
        return SipMessageParser.TryParse(datagram, options, out message, out error);
    }

    /// <summary>Parses one datagram.</summary>
    /// <param name="datagram">The bytes received.</param>
    /// <returns>The message.</returns>
    /// <exception cref="SipFormatException">The bytes are not a valid SIP message; the exception gives the position, line and header.</exception>
    public static SipMessage Parse(ReadOnlySpan<byte> datagram) =>
        SipMessageParser.TryParse(datagram, SipParserOptions.Default, out var message, out var error) ? message! : throw error.ToException();

    /// <summary>Serializes the message.</summary>
    /// <returns>The wire form.</returns>
    public byte[] ToBytes()
    {
        // A per-thread scratch writer: the only allocation is the returned array.
        var writer = _threadScratch ??= new ArrayBufferWriter<byte>(1024);
        writer.ResetWrittenCount();
        WriteTo(writer);
        var bytes = writer.WrittenSpan.ToArray();
        if (writer.Capacity > 64 * 1024)
        {
            _threadScratch = null; // do not keep a large body's buffer alive on the thread
        }

        return bytes;
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _threadScratch;

    /// <summary>Serializes the message into <paramref name="writer"/>.</summary>
    /// <param name="writer">The destination.</param>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteStartLine(writer);
        var hasLength = false;
        foreach (var h in Headers)
        {
            hasLength |= SipHeaderNames.AreSame(h.Name, SipHeaderNames.ContentLength);
            Write(writer, h.Name);
            Write(writer, ": ");
            Write(writer, h.Value);
            Write(writer, "\r\n");
        }

        if (!hasLength)
        {
            Write(writer, "Content-Length: ");
            Write(writer, Body.Length.ToString(CultureInfo.InvariantCulture));
            Write(writer, "\r\n");
        }

        Write(writer, "\r\n");
        writer.Write(Body.Span);
    }

    /// <summary>Returns the wire form as text (the body decoded as UTF-8).</summary>
    /// <returns>The message text.</returns>
    public override string ToString() => Encoding.UTF8.GetString(ToBytes());

    private protected abstract void WriteStartLine(IBufferWriter<byte> writer);

    private protected static void Write(IBufferWriter<byte> writer, string text) => Encoding.UTF8.GetBytes(text, writer);

    private protected string DecodeRange(int start, int end) => Encoding.UTF8.GetString(_buffer.AsSpan(start, end - start));

    /// <summary>The first value of a header; served from the parsed ranges without building the collection.</summary>
    private protected string? FirstValue(HeaderId id, string name)
    {
        if (_headers is not null || _ranges is null)
        {
            return Headers[name];
        }

        foreach (ref readonly var r in _ranges.AsSpan())
        {
            if (r.Id == id)
            {
                return SipMessageParser.DecodeString(_buffer.AsSpan(r.ValueStart, r.ValueEnd - r.ValueStart), r.Folded);
            }
        }

        return null;
    }

    /// <summary>The first value of a header the parser recognises, as received (unfolded), without building the collection.</summary>
    internal string? RawValue(HeaderId id, string name) => FirstValue(id, name);

    /// <summary>
    /// The values of a header the parser does not recognise (Authorization, Path, Supported…), each line split at
    /// top-level commas when <paramref name="splitList"/>; read from the parsed ranges without building the collection.
    /// </summary>
    internal List<string>? OtherValues(string name, bool splitList)
    {
        if (_headers is not null || _ranges is null)
        {
            List<string>? all = null;
            foreach (var header in Headers)
            {
                if (SipHeaderNames.AreSame(header.Name, name))
                {
                    AddValue(ref all, header.Value, splitList);
                }
            }

            return all;
        }

        List<string>? values = null;
        foreach (ref readonly var r in _ranges.AsSpan())
        {
            if (r.Id == HeaderId.Unknown && r.NameLength == name.Length && System.Text.Ascii.EqualsIgnoreCase(_buffer.AsSpan(r.NameStart, r.NameLength), name))
            {
                AddValue(ref values, SipMessageParser.DecodeString(_buffer.AsSpan(r.ValueStart, r.ValueEnd - r.ValueStart), r.Folded), splitList);
            }
        }

        return values;
    }

    private static void AddValue(ref List<string>? values, string value, bool splitList)
    {
        values ??= [];
        if (splitList)
        {
            values.AddRange(SipGrammar.SplitList(value));
        }
        else
        {
            values.Add(value);
        }
    }

    /// <summary>Counts the header lines of a header the parser recognises, without building the collection.</summary>
    internal int CountHeader(HeaderId id, string name)
    {
        if (_headers is not null || _ranges is null)
        {
            return Headers.CountOf(name);
        }

        var count = 0;
        foreach (ref readonly var r in _ranges.AsSpan())
        {
            if (r.Id == id)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Whether the message has a header of this full name that the parser does not recognise (Require, Proxy-Require…), without building the collection.</summary>
    internal bool HasOtherHeader(string name)
    {
        if (_headers is not null || _ranges is null)
        {
            return Headers.Contains(name);
        }

        foreach (ref readonly var r in _ranges.AsSpan())
        {
            if (r.Id == HeaderId.Unknown && r.NameLength == name.Length && System.Text.Ascii.EqualsIgnoreCase(_buffer.AsSpan(r.NameStart, r.NameLength), name))
            {
                return true;
            }
        }

        return false;
    }

    private SipNameAddress? ReadNameAddress(HeaderId id, string name)
    {
        var value = FirstValue(id, name);
        return value is not null && SipNameAddress.TryParse(value, out var result, out _) ? result : null;
    }

    private SipCSeq? ReadCSeq() =>
        FirstValue(HeaderId.CSeq, SipHeaderNames.CSeq) is { } v && SipCSeq.TryParse(v, out var c) ? c : null;

    private T[] ReadList<T>(HeaderId id, string name, Func<string, T> create)
    {
        var result = new List<T>();
        if (_headers is not null || _ranges is null)
        {
            foreach (var v in Headers.GetValues(name))
            {
                result.Add(create(v));
            }

            return [.. result];
        }

        foreach (ref readonly var r in _ranges.AsSpan())
        {
            if (r.Id != id)
            {
                continue;
            }

            var value = SipMessageParser.DecodeString(_buffer.AsSpan(r.ValueStart, r.ValueEnd - r.ValueStart), r.Folded);
            foreach (var part in SipGrammar.SplitList(value))
            {
                result.Add(create(part));
            }
        }

        return [.. result];
    }

    private SipHeaderCollection MaterializeHeaders()
    {
        var ranges = _ranges!;
        var headers = new SipHeader[ranges.Length];
        for (var k = 0; k < ranges.Length; k++)
        {
            ref readonly var r = ref ranges[k];
            var name = HeaderName(_buffer.AsSpan(r.NameStart, r.NameLength), r.Id);
            headers[k] = new SipHeader(name, SipMessageParser.DecodeString(_buffer.AsSpan(r.ValueStart, r.ValueEnd - r.ValueStart), r.Folded));
        }

        return new SipHeaderCollection(headers);
    }

    private static string HeaderName(ReadOnlySpan<byte> name, HeaderId id)
    {
        // Reuse the canonical string when the name is written exactly that way.
        var canonical = HeaderTable.CanonicalName(id);
        if (canonical is not null && name.Length == canonical.Length && Ascii.Equals(name, canonical))
        {
            return canonical;
        }

        return Encoding.ASCII.GetString(name);
    }

    private sealed class Box<T>(T value)
    {
        public T Value { get; } = value;
    }
}
