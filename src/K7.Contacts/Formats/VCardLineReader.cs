using System.Globalization;
using System.Text;

namespace K7.Contacts.Formats;

/// <summary>One logical (unfolded) line of a vCard file.</summary>
/// <param name="Text">The line, unfolded; for a skipped binary value, only the part up to and including the colon.</param>
/// <param name="Line">The one-based physical line where the logical line starts.</param>
/// <param name="Skipped">Whether the value was dropped because it was a long binary value (a photo, a key).</param>
internal readonly record struct VCardLine(string Text, int Line, bool Skipped);

/// <summary>
/// Splits a vCard file into logical lines: unfolds RFC 6350 §3.2 continuations (a line break followed by one space or
/// tab), joins quoted-printable soft line breaks (a value ending in <c>=</c>), skips blank lines and counts physical
/// lines. Accepts CRLF, LF and CR line breaks.
/// </summary>
internal sealed class VCardLineReader
{
    /// <summary>The longest logical line accepted, in characters, for anything but a binary value.</summary>
    internal const int MaxLineLength = 65_536;

    /// <summary>The longest binary value (a base64 photo) skipped over, in characters.</summary>
    internal const int MaxBinaryLength = 10 * 1024 * 1024;

    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[8192];
    private readonly StringBuilder _text = new();
    private readonly CancellationToken _cancellationToken;
    private int _position;
    private int _length;
    private int _nextLine = 1;
    private bool _started;

    // State of the logical line being read.
    private int _start;
    private long _total;
    private bool _skipping;

    public VCardLineReader(TextReader reader, CancellationToken cancellationToken)
    {
        _reader = reader;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Reads the next non-blank logical line.</summary>
    /// <param name="line">The line.</param>
    /// <returns><see langword="false"/> at the end of the file.</returns>
    public bool TryRead(out VCardLine line)
    {
        if (!_started)
        {
            _started = true;
            if (Peek() == '\uFEFF')
            {
                Next();
            }
        }

        while (true)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (Peek() < 0)
            {
                line = default;
                return false;
            }

            _start = _nextLine;
            _text.Clear();
            _total = 0;
            _skipping = false;
            ReadPhysicalLine();
            if (IsBlank(_text))
            {
                continue;
            }

            bool? quotedPrintable = null;
            while (true)
            {
                var next = Peek();
                if (next is ' ' or '\t')
                {
                    Next();
                    ReadPhysicalLine();
                    continue;
                }

                if (next >= 0 && next != '\r' && next != '\n' && !_skipping && _text.Length > 0 && _text[^1] == '=')
                {
                    quotedPrintable ??= IsQuotedPrintable(_text);
                    if (quotedPrintable.Value)
                    {
                        _text.Length--;
                        _total--;
                        ReadPhysicalLine();
                        continue;
                    }
                }

                break;
            }

            line = new VCardLine(_text.ToString(), _start, _skipping);
            return true;
        }
    }

    private void ReadPhysicalLine()
    {
        while (true)
        {
            var c = Peek();
            if (c < 0)
            {
                return;
            }

            Next();
            if (c == '\n')
            {
                _nextLine++;
                return;
            }

            if (c == '\r')
            {
                if (Peek() == '\n')
                {
                    Next();
                }

                _nextLine++;
                return;
            }

            _total++;
            if (!_skipping)
            {
                _text.Append((char)c);
                if (_total > MaxLineLength)
                {
                    StartSkipping();
                }
            }
            else if (_total > MaxBinaryLength)
            {
                throw new ContactFormatException(
                    string.Create(CultureInfo.InvariantCulture, $"line {_start}: a value longer than {MaxBinaryLength:N0} characters"),
                    _start,
                    1,
                    NameOf(_text));
            }
        }
    }

    private void StartSkipping()
    {
        var colon = FindColon(_text);
        if (colon < 0 || !IsBinary(_text, colon))
        {
            throw new ContactFormatException(
                string.Create(CultureInfo.InvariantCulture, $"line {_start}: a property longer than {MaxLineLength:N0} characters"),
                _start,
                1,
                colon < 0 ? null : NameOf(_text));
        }

        _text.Length = colon + 1;
        _skipping = true;
    }

    private int Peek()
    {
        if (_position == _length)
        {
            _length = _reader.Read(_buffer, 0, _buffer.Length);
            _position = 0;
            if (_length <= 0)
            {
                _length = 0;
                return -1;
            }
        }

        return _buffer[_position];
    }

    private void Next() => _position++;

    private static bool IsBlank(StringBuilder text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Finds the colon that ends a content line's name and parameters (the first one outside quotes).</summary>
    internal static int FindColon(StringBuilder text)
    {
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ':' && !quoted)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsQuotedPrintable(StringBuilder text)
    {
        var colon = FindColon(text);
        return colon > 0 && text.ToString(0, colon).Contains("QUOTED-PRINTABLE", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsBinary(StringBuilder text, int colon)
    {
        var header = text.ToString(0, colon);
        var name = NameOf(header);
        if (name is "PHOTO" or "LOGO" or "SOUND" or "KEY")
        {
            return true;
        }

        if (header.Contains("BASE64", StringComparison.OrdinalIgnoreCase) || header.Contains("ENCODING=B", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return text.Length - colon > 5 && text.ToString(colon + 1, 5).Equals("data:", StringComparison.OrdinalIgnoreCase);
    }

    private static string? NameOf(StringBuilder text)
    {
        var colon = FindColon(text);
        return colon < 0 ? null : NameOf(text.ToString(0, colon));
    }

    private static string NameOf(string header)
    {
        var end = header.IndexOf(';', StringComparison.Ordinal);
        var name = end < 0 ? header : header[..end];
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return (dot < 0 ? name : name[(dot + 1)..]).Trim().ToUpperInvariant();
    }
}
