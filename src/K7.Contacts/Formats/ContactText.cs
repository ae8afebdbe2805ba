using System.Text;

namespace K7.Contacts.Formats;

/// <summary>Turns the bytes of an uploaded contact file into text, or says exactly where they are not text.</summary>
internal static class ContactText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Decodes a file: a byte-order mark (UTF-8, UTF-16 LE or BE) decides; otherwise <paramref name="encoding"/> when
    /// given, else strict UTF-8. NUL characters mean a binary file (or UTF-16 without a mark).
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes, Encoding? encoding)
    {
        string text;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = DecodeStrict(bytes[3..], StrictUtf8, 3, "UTF-8");
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = DecodeStrict(bytes[2..], new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2, "UTF-16");
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = DecodeStrict(bytes[2..], new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2, "UTF-16");
        }
        else if (encoding is not null)
        {
            text = encoding.GetString(bytes);
        }
        else
        {
            text = DecodeStrict(bytes, StrictUtf8, 0, "UTF-8");
        }

        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            var (line, column) = Locate(text, nul);
            throw new ContactFormatException(
                $"Line {line}, position {column}: the file holds a NUL character; it is not a text file (a spreadsheet saved as .xlsx, or UTF-16 text without a byte-order mark?). Save it as CSV UTF-8 or as a vCard.",
                line,
                column);
        }

        return text;
    }

    private static string DecodeStrict(ReadOnlySpan<byte> bytes, Encoding encoding, int offset, string name)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var index = e.Index < 0 ? 0 : e.Index;
            var line = 1;
            var lineStart = 0;
            for (var i = 0; i < index && i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            var bad = index < bytes.Length ? $"0x{bytes[index]:X2}" : "the last bytes";
            throw new ContactFormatException(
                $"Line {line}, byte {index + offset + 1}: {bad} is not {name} text. Save the file as UTF-8 (Excel: \"CSV UTF-8\"), or pass the file's encoding (Outlook on Windows writes Windows-1252).",
                line,
                index - lineStart + 1,
                null,
                e);
        }
    }

    private static (int Line, int Column) Locate(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }
}
