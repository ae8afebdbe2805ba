using System.Buffers;
using System.Text;

namespace K7.Sip;

/// <summary>
/// Parses one datagram into a <see cref="SipRequest"/> or <see cref="SipResponse"/>. Copies the message bytes once,
/// records where each header is, validates the headers a UAS must be able to trust (Via, From, To, Call-ID, CSeq,
/// Contact, Max-Forwards, Expires, Content-Length) on spans, and leaves strings and objects to be built on first access.
/// </summary>
internal static class SipMessageParser
{
    private const int StackHeaders = 48;
    private const int StackChars = 512;

    internal static bool TryParse(ReadOnlySpan<byte> data, SipParserOptions options, out SipMessage? message, out SipParseError error)
    {
        message = null;
        error = default;
        var start = 0;
        while (start < data.Length && data[start] is (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        var isRequest = !StartsWithVersion(data[start..]);
        if (data.Length > options.MaxMessageSize)
        {
            error = new SipParseError(SipParseErrorKind.TooLarge, "The message is larger than the configured maximum size", options.MaxMessageSize, 0, null, isRequest);
            return false;
        }

        var firstEnd = data[start..].IndexOf((byte)'\n');
        if (firstEnd < 0)
        {
            error = new SipParseError(SipParseErrorKind.Truncated, "The start line is not terminated by CRLF", data.Length, 1, null, isRequest);
            return false;
        }

        firstEnd += start;
        var startLine = data[start..(firstEnd > start && data[firstEnd - 1] == '\r' ? firstEnd - 1 : firstEnd)];
        var startInfo = default(StartLine);
        if (!ParseStartLine(startLine, start, isRequest, ref startInfo, out error))
        {
            return false;
        }

        HeaderRange[]? rented = null;
        Span<HeaderRange> ranges = stackalloc HeaderRange[StackHeaders];
        try
        {
            var count = 0;
            var pos = firstEnd + 1;
            var line = 2;
            int bodyStart;
            while (true)
            {
                if (pos >= data.Length)
                {
                    // No empty line: a datagram ends its header section at its end (RFC 4475 baddn).
                    bodyStart = data.Length;
                    break;
                }

                var lf = data[pos..].IndexOf((byte)'\n');
                var lineEnd = lf < 0 ? data.Length : pos + lf;
                var contentEnd = lineEnd > pos && data[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
                if (contentEnd == pos)
                {
                    bodyStart = Math.Min(lineEnd + 1, data.Length);
                    break;
                }

                var b = data[pos];
                if (b is (byte)' ' or (byte)'\t')
                {
                    if (count == 0)
                    {
                        error = new SipParseError(SipParseErrorKind.BadHeader, "The first header line starts with whitespace", pos, line, null, isRequest);
                        return false;
                    }

                    ranges[count - 1].ValueEnd = contentEnd - start;
                    ranges[count - 1].Folded = true;
                }
                else
                {
                    var lineBytes = data[pos..contentEnd];
                    var nameLength = lineBytes.IndexOfAny((byte)':', (byte)' ', (byte)'\t');
                    if (nameLength <= 0)
                    {
                        error = new SipParseError(SipParseErrorKind.BadHeader, "A header line has no name or no colon", pos, line, null, isRequest);
                        return false;
                    }

                    var name = lineBytes[..nameLength];
                    if (!SipGrammar.IsToken(name) || nameLength > short.MaxValue)
                    {
                        error = new SipParseError(SipParseErrorKind.BadHeader, "A header name is not a token", pos, line, null, isRequest);
                        return false;
                    }

                    var colon = nameLength;
                    while (colon < lineBytes.Length && lineBytes[colon] is (byte)' ' or (byte)'\t')
                    {
                        colon++;
                    }

                    if (colon >= lineBytes.Length || lineBytes[colon] != ':')
                    {
                        error = new SipParseError(SipParseErrorKind.BadHeader, "A header name is not followed by a colon", pos + colon, line, Encoding.ASCII.GetString(name), isRequest);
                        return false;
                    }

                    if (count == ranges.Length)
                    {
                        var bigger = ArrayPool<HeaderRange>.Shared.Rent(ranges.Length * 2);
                        ranges.CopyTo(bigger);
                        if (rented is not null)
                        {
                            ArrayPool<HeaderRange>.Shared.Return(rented);
                        }

                        rented = bigger;
                        ranges = bigger;
                    }

                    ranges[count++] = new HeaderRange
                    {
                        NameStart = pos - start,
                        NameLength = (short)nameLength,
                        ValueStart = pos + colon + 1 - start,
                        ValueEnd = contentEnd - start,
                        Line = line,
                        Id = HeaderTable.Identify(name),
                    };
                }

                line++;
                pos = lineEnd + 1;
            }

            // Validate the headers a UAS relies on, in order; the first fault wins.
            var contentLength = -1;
            Span<char> stackChars = stackalloc char[StackChars];
            for (var k = 0; k < count; k++)
            {
                ref var r = ref ranges[k];
                if (r.Id == HeaderId.Unknown || r.Id == HeaderId.ContentType || r.Id == HeaderId.UserAgent)
                {
                    continue;
                }

                var raw = data[(start + r.ValueStart)..(start + r.ValueEnd)];
                char[]? rentedChars = null;
                var chars = raw.Length <= StackChars ? stackChars : (rentedChars = ArrayPool<char>.Shared.Rent(raw.Length));
                try
                {
                    var n = DecodeValue(raw, chars, out var lead);
                    var value = chars[..n];
                    var fault = HeaderTable.Validate(r.Id, value, out var detail);
                    if (fault >= 0)
                    {
                        var kind = r.Id == HeaderId.ContentLength ? SipParseErrorKind.BadContentLength : SipParseErrorKind.BadHeaderValue;
                        var position = start + r.ValueStart + lead + (r.Folded ? 0 : fault);
                        error = new SipParseError(kind, detail, position, r.Line, HeaderTable.CanonicalName(r.Id), isRequest);
                        return false;
                    }

                    if (r.Id == HeaderId.ContentLength)
                    {
                        SipGrammar.TryParseDigits(value, int.MaxValue, out var cl);
                        if (contentLength >= 0 && contentLength != (int)cl)
                        {
                            error = new SipParseError(SipParseErrorKind.BadContentLength, "Content-Length appears twice with different values", start + r.ValueStart, r.Line, SipHeaderNames.ContentLength, isRequest);
                            return false;
                        }

                        contentLength = (int)cl;
                    }
                }
                finally
                {
                    if (rentedChars is not null)
                    {
                        ArrayPool<char>.Shared.Return(rentedChars);
                    }
                }
            }

            var available = data.Length - bodyStart;
            int bodyLength;
            if (contentLength < 0)
            {
                bodyLength = available;
            }
            else if (contentLength > available)
            {
                var clLine = 0;
                var clPos = 0L;
                for (var k = 0; k < count; k++)
                {
                    if (ranges[k].Id == HeaderId.ContentLength)
                    {
                        clLine = ranges[k].Line;
                        clPos = start + ranges[k].ValueStart;
                    }
                }

                error = new SipParseError(SipParseErrorKind.BadContentLength, "Content-Length is larger than the body that follows the header section", clPos, clLine, SipHeaderNames.ContentLength, isRequest);
                return false;
            }
            else
            {
                bodyLength = contentLength;
            }

            var end = bodyStart + bodyLength;
            var buffer = data[start..end].ToArray();
            var headerRanges = ranges[..count].ToArray();
            var body = new ReadOnlyMemory<byte>(buffer, bodyStart - start, bodyLength);
            startInfo.Shift(start);
            message = isRequest
                ? new SipRequest(buffer, headerRanges, body, startInfo.Method, startInfo.UriStart, startInfo.UriEnd)
                : new SipResponse(buffer, headerRanges, body, startInfo.Status, startInfo.ReasonStart, startInfo.ReasonEnd);
            return true;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<HeaderRange>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Unfolds, trims and UTF-8 decodes a raw header value; returns the number of chars written.</summary>
    internal static int DecodeValue(ReadOnlySpan<byte> raw, Span<char> dest, out int lead)
    {
        lead = 0;
        while (lead < raw.Length && raw[lead] is (byte)' ' or (byte)'\t')
        {
            lead++;
        }

        var n = 0;
        var i = lead;
        if (Ascii.ToUtf16(raw[lead..], dest, out var written) == System.Buffers.OperationStatus.Done &&
            raw[lead..].IndexOfAny((byte)'\r', (byte)'\n') < 0)
        {
            // The common case: ASCII and not folded.
            n = written;
            i = raw.Length;
        }

        while (i < raw.Length)
        {
            var b = raw[i];
            if (b is (byte)'\r' or (byte)'\n')
            {
                // A fold: CRLF plus the whitespace around it reads as one space.
                while (n > 0 && dest[n - 1] is ' ' or '\t')
                {
                    n--;
                }

                while (i < raw.Length && raw[i] is (byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t')
                {
                    i++;
                }

                dest[n++] = ' ';
                continue;
            }

            if (b < 0x80)
            {
                dest[n++] = (char)b;
                i++;
                continue;
            }

            var runEnd = i;
            while (runEnd < raw.Length && raw[runEnd] >= 0x80)
            {
                runEnd++;
            }

            n += Encoding.UTF8.GetChars(raw[i..runEnd], dest[n..]);
            i = runEnd;
        }

        while (n > 0 && dest[n - 1] is ' ' or '\t')
        {
            n--;
        }

        return n;
    }

    internal static string DecodeString(ReadOnlySpan<byte> raw, bool folded)
    {
        if (!folded)
        {
            var t = raw.Trim(" \t"u8);
            return Encoding.UTF8.GetString(t);
        }

        char[]? rentedChars = null;
        var chars = raw.Length <= StackChars ? stackalloc char[StackChars] : (rentedChars = ArrayPool<char>.Shared.Rent(raw.Length));
        try
        {
            var n = DecodeValue(raw, chars, out _);
            return new string(chars[..n]);
        }
        finally
        {
            if (rentedChars is not null)
            {
                ArrayPool<char>.Shared.Return(rentedChars);
            }
        }
    }

    private static bool StartsWithVersion(ReadOnlySpan<byte> data) =>
        data.Length >= 4 && Ascii.EqualsIgnoreCase(data[..4], "SIP/"u8);

    /// <summary>SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT. Returns 0 = malformed, 1 = 2.0, 2 = another version.</summary>
    private static int CheckVersion(ReadOnlySpan<byte> v)
    {
        if (!StartsWithVersion(v))
        {
            return 0;
        }

        var rest = v[4..];
        var dot = rest.IndexOf((byte)'.');
        if (dot <= 0 || dot == rest.Length - 1 || rest[..dot].ContainsAnyExceptInRange((byte)'0', (byte)'9') ||
            rest[(dot + 1)..].ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return 0;
        }

        return rest.SequenceEqual("2.0"u8) ? 1 : 2;
    }

    private static bool ParseStartLine(ReadOnlySpan<byte> line, int offset, bool isRequest, ref StartLine info, out SipParseError error)
    {
        error = default;
        if (line.Length > 0 && line[^1] is (byte)' ' or (byte)'\t' && isRequest)
        {
            error = new SipParseError(SipParseErrorKind.BadStartLine, "Trailing whitespace after the SIP-Version of the request line", offset + line.Length - 1, 1, null, true);
            return false;
        }

        var sp1 = line.IndexOf((byte)' ');
        if (sp1 <= 0)
        {
            error = new SipParseError(SipParseErrorKind.BadStartLine, isRequest ? "The request line has no space after the method" : "The status line has no space after the SIP-Version", offset + Math.Max(sp1, 0), 1, null, isRequest);
            return false;
        }

        if (!isRequest)
        {
            switch (CheckVersion(line[..sp1]))
            {
                case 0:
                    error = new SipParseError(SipParseErrorKind.BadStartLine, "The status line does not start with a SIP-Version", offset, 1, null, false);
                    return false;
                case 2:
                    error = new SipParseError(SipParseErrorKind.BadVersion, "The SIP-Version is not SIP/2.0", offset, 1, null, false);
                    return false;
            }

            var rest = line[(sp1 + 1)..];
            var codeLength = rest.IndexOf((byte)' ');
            codeLength = codeLength < 0 ? rest.Length : codeLength;
            var code = rest[..codeLength];
            if (code.Length != 3 || code.ContainsAnyExceptInRange((byte)'0', (byte)'9') || code[0] is < (byte)'1' or > (byte)'6')
            {
                error = new SipParseError(SipParseErrorKind.BadStartLine, "The status code is not three digits from 100 to 699", offset + sp1 + 1, 1, null, false);
                return false;
            }

            info.Status = ((code[0] - '0') * 100) + ((code[1] - '0') * 10) + (code[2] - '0');
            info.ReasonStart = offset + sp1 + 1 + Math.Min(codeLength + 1, rest.Length);
            info.ReasonEnd = offset + line.Length;
            return true;
        }

        var method = line[..sp1];
        if (!SipGrammar.IsToken(method))
        {
            error = new SipParseError(SipParseErrorKind.BadStartLine, "The method is not a token", offset, 1, null, true);
            return false;
        }

        var sp2 = line.LastIndexOf((byte)' ');
        if (sp2 == sp1)
        {
            error = new SipParseError(SipParseErrorKind.BadStartLine, "The request line has no SIP-Version", offset + line.Length, 1, null, true);
            return false;
        }

        var uri = line[(sp1 + 1)..sp2];
        var ws = uri.IndexOfAny((byte)' ', (byte)'\t');
        if (uri.IsEmpty || ws >= 0)
        {
            error = new SipParseError(SipParseErrorKind.BadRequestUri, "The Request-URI contains whitespace, or request-line elements are separated by more than one space", offset + sp1 + 1 + Math.Max(ws, 0), 1, null, true);
            return false;
        }

        switch (CheckVersion(line[(sp2 + 1)..]))
        {
            case 0:
                error = new SipParseError(SipParseErrorKind.BadStartLine, "The request line does not end with a SIP-Version", offset + sp2 + 1, 1, null, true);
                return false;
            case 2:
                error = new SipParseError(SipParseErrorKind.BadVersion, "The SIP-Version is not SIP/2.0", offset + sp2 + 1, 1, null, true);
                return false;
        }

        if (!Ascii.IsValid(uri) || uri.Length > 4096)
        {
            error = new SipParseError(SipParseErrorKind.BadRequestUri, "The Request-URI contains non-ASCII characters or is too long", offset + sp1 + 1, 1, null, true);
            return false;
        }

        Span<char> chars = stackalloc char[uri.Length];
        Encoding.ASCII.GetChars(uri, chars);
        var fault = SipUri.Scan(chars, out _);
        if (fault >= 0)
        {
            error = new SipParseError(SipParseErrorKind.BadRequestUri, "The Request-URI is not a valid URI", offset + sp1 + 1 + fault, 1, null, true);
            return false;
        }

        info.Method = SipMethod.FromValidToken(method);
        info.UriStart = offset + sp1 + 1;
        info.UriEnd = offset + sp2;
        return true;
    }

    private struct StartLine
    {
        public SipMethod Method;
        public int UriStart;
        public int UriEnd;
        public int Status;
        public int ReasonStart;
        public int ReasonEnd;

        public void Shift(int start)
        {
            UriStart -= start;
            UriEnd -= start;
            ReasonStart -= start;
            ReasonEnd -= start;
        }
    }
}
