using System.Text;

namespace K7.Sip.Transport;

/// <summary>
/// Finds message boundaries in the bytes received on a stream (TCP) connection: RFC 3261 §18.3 framing by the
/// Content-Length header, and the RFC 5626 §3.5.1 CRLF keep-alives.
/// </summary>
/// <remarks>
/// <para>A pure function over a buffer: it never allocates, never throws and never reports a range beyond the buffer.
/// The caller keeps unconsumed bytes and calls again when more arrive.</para>
/// <para>Rules: blank lines before a message are skipped (a lone CRLF, or a bare LF); a double CRLF at a message
/// boundary is a keep-alive ping. Lines end with CRLF or with a bare LF, and the header section ends at the first empty
/// line. Content-Length (or its compact form <c>l</c>) is matched case-insensitively, with optional white space
/// before the colon and around the value, and may be folded over several lines. It is required; it must be a
/// non-negative decimal number; repeated headers must agree; and the header section plus the body must not exceed the
/// maximum message size.</para>
/// </remarks>
internal static class SipStreamFramer
{
    private const byte Cr = (byte)'\r';
    private const byte Lf = (byte)'\n';

    /// <summary>Frames the first message (or keep-alive) at the start of <paramref name="buffer"/>.</summary>
    /// <param name="buffer">The bytes received and not yet consumed.</param>
    /// <param name="maxMessageSize">The largest message accepted, header section and body together.</param>
    /// <returns>What was found; see <see cref="SipFrameStatus"/>.</returns>
    public static SipFrame Frame(ReadOnlySpan<byte> buffer, int maxMessageSize)
    {
        var start = 0;
        while (start < buffer.Length)
        {
            var b = buffer[start];
            if (b == Lf)
            {
                start++;
                continue;
            }

            if (b != Cr)
            {
                break;
            }

            var rest = buffer.Length - start;
            if (rest == 1)
            {
                return SipFrame.NeedMore(start);
            }

            if (buffer[start + 1] != Lf)
            {
                break;
            }

            if (rest == 2)
            {
                // A lone CRLF, or the first half of a ping: wait and see.
                return SipFrame.NeedMore(start);
            }

            if (buffer[start + 2] != Cr)
            {
                start += 2;
                continue;
            }

            if (rest == 3)
            {
                return SipFrame.NeedMore(start);
            }

            if (buffer[start + 3] == Lf)
            {
                return new SipFrame(SipFrameStatus.Ping, start, 4, start + 4, SipFramingError.None);
            }

            start += 2;
        }

        if (start == buffer.Length)
        {
            return SipFrame.NeedMore(start);
        }

        return FrameMessage(buffer, start, maxMessageSize);
    }

    private static SipFrame FrameMessage(ReadOnlySpan<byte> buffer, int start, int maxMessageSize)
    {
        long contentLength = -1;
        var inContentLength = false;
        var value = new ValueState();
        var lineStart = start;
        var isStartLine = true;
        int headerLength;
        while (true)
        {
            var newLine = buffer[lineStart..].IndexOf(Lf);
            if (newLine < 0)
            {
                return buffer.Length - start >= maxMessageSize
                    ? SipFrame.Fail(SipFramingError.HeaderSectionTooLarge)
                    : SipFrame.NeedMore(start);
            }

            var lineEnd = lineStart + newLine;
            var next = lineEnd + 1;
            if (next - start > maxMessageSize)
            {
                return SipFrame.Fail(SipFramingError.HeaderSectionTooLarge);
            }

            var contentEnd = lineEnd > lineStart && buffer[lineEnd - 1] == Cr ? lineEnd - 1 : lineEnd;
            var line = buffer[lineStart..contentEnd];
            lineStart = next;
            if (isStartLine)
            {
                isStartLine = false;
                continue;
            }

            var isContinuation = line.Length > 0 && IsWhiteSpace(line[0]);
            if (isContinuation)
            {
                if (inContentLength && !value.Feed(line))
                {
                    return SipFrame.Fail(SipFramingError.InvalidContentLength);
                }

                continue;
            }

            if (inContentLength)
            {
                inContentLength = false;
                var error = value.Finish(ref contentLength);
                if (error != SipFramingError.None)
                {
                    return SipFrame.Fail(error);
                }
            }

            if (line.IsEmpty)
            {
                headerLength = next - start;
                break;
            }

            var colon = line.IndexOf((byte)':');
            if (colon > 0 && IsContentLengthName(TrimEnd(line[..colon])))
            {
                inContentLength = true;
                value = default;
                if (!value.Feed(line[(colon + 1)..]))
                {
                    return SipFrame.Fail(SipFramingError.InvalidContentLength);
                }
            }
        }

        if (contentLength < 0)
        {
            return SipFrame.Fail(SipFramingError.MissingContentLength);
        }

        var total = headerLength + contentLength;
        if (total > maxMessageSize)
        {
            return SipFrame.Fail(SipFramingError.MessageTooLarge);
        }

        if (buffer.Length - start < total)
        {
            return SipFrame.NeedMore(start);
        }

        var length = (int)total;
        return new SipFrame(SipFrameStatus.Message, start, length, start + length, SipFramingError.None);
    }

    private static bool IsContentLengthName(ReadOnlySpan<byte> name) =>
        name.Length == 1
            ? (name[0] | 0x20) == 'l'
            : Ascii.EqualsIgnoreCase(name, "Content-Length"u8);

    private static ReadOnlySpan<byte> TrimEnd(ReadOnlySpan<byte> span)
    {
        var end = span.Length;
        while (end > 0 && IsWhiteSpace(span[end - 1]))
        {
            end--;
        }

        return span[..end];
    }

    private static bool IsWhiteSpace(byte b) => b is (byte)' ' or (byte)'\t';

    /// <summary>The digits of one Content-Length header, fed line by line (the value may be folded).</summary>
    private struct ValueState
    {
        private long _value;
        private int _digits;
        private bool _afterDigits;
        private bool _overflow;

        public bool Feed(ReadOnlySpan<byte> text)
        {
            foreach (var b in text)
            {
                if (IsWhiteSpace(b))
                {
                    _afterDigits = _digits > 0;
                    continue;
                }

                var digit = b - '0';
                if ((uint)digit > 9 || _afterDigits)
                {
                    return false;
                }

                _digits++;
                if (!_overflow)
                {
                    _value = (_value * 10) + digit;
                    _overflow = _value > int.MaxValue;
                }
            }

            return true;
        }

        public readonly SipFramingError Finish(ref long contentLength)
        {
            if (_digits == 0)
            {
                return SipFramingError.InvalidContentLength;
            }

            if (_overflow)
            {
                return SipFramingError.MessageTooLarge;
            }

            if (contentLength >= 0 && contentLength != _value)
            {
                return SipFramingError.ConflictingContentLength;
            }

            contentLength = _value;
            return SipFramingError.None;
        }
    }
}
