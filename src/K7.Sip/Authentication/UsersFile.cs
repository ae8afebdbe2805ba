using System.Text;

namespace K7.Sip.Authentication;

/// <summary>Reads a users file: the plain-text list of SIP users and passwords of a small registrar.</summary>
/// <remarks>
/// <para>The file is UTF-8 text with one user per line, written <c>username:password</c>. The user name ends at the
/// first colon; the password is everything after it, as is (it may contain colons and spaces). White space around
/// the user name is ignored. Blank lines and lines whose first non-blank character is <c>#</c> are skipped.</para>
/// <code>
/// # extension 202 and its web phone
/// 202:s3cret
/// 202wp:an0ther:one
/// </code>
/// <para>A line without a colon, with an empty user name or password, with white space or control characters in
/// the user name, or a user name that appeared before, fails with a <see cref="SipFormatException"/> whose
/// <see cref="SipFormatException.Line"/> is the one-based line and <see cref="SipFormatException.Position"/> the
/// character offset in the file.</para>
/// </remarks>
public static class UsersFile
{
    /// <summary>Loads a users file.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>A store with one password credential per user.</returns>
    /// <exception cref="SipFormatException">A line is not valid or repeats a user.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static InMemoryCredentialStore Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Parse(reader);
    }

    /// <summary>Reads users from text in the users file format.</summary>
    /// <param name="reader">The text.</param>
    /// <returns>A store with one password credential per user.</returns>
    /// <exception cref="SipFormatException">A line is not valid or repeats a user.</exception>
    public static InMemoryCredentialStore Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var text = reader.ReadToEnd().AsSpan();
        var store = new InMemoryCredentialStore();
        var firstLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var offset = 0;
        var lineNumber = 0;
        while (offset < text.Length)
        {
            lineNumber++;
            var rest = text[offset..];
            var end = rest.IndexOf('\n');
            var line = end < 0 ? rest : rest[..end];
            if (line.EndsWith('\r'))
            {
                line = line[..^1];
            }

            ReadLine(line, offset, lineNumber, store, firstLines);
            offset += end < 0 ? rest.Length : end + 1;
        }

        return store;
    }

    private static void ReadLine(ReadOnlySpan<char> line, int offset, int lineNumber, InMemoryCredentialStore store, Dictionary<string, int> firstLines)
    {
        var trimmed = line.TrimStart();
        if (trimmed.IsEmpty || trimmed.IsWhiteSpace() || trimmed[0] == '#')
        {
            return;
        }

        var colon = line.IndexOf(':');
        if (colon < 0)
        {
            throw Error("Expected 'username:password'; the line has no ':'.", offset + line.Length, lineNumber, "username");
        }

        var leading = line.Length - trimmed.Length;
        var username = line[..colon].Trim();
        if (username.IsEmpty)
        {
            throw Error("The user name is empty.", offset + colon, lineNumber, "username");
        }

        for (var i = 0; i < username.Length; i++)
        {
            if (char.IsWhiteSpace(username[i]) || char.IsControl(username[i]))
            {
                throw Error("The user name cannot contain white space or control characters.", offset + leading + i, lineNumber, "username");
            }
        }

        var password = line[(colon + 1)..];
        if (password.IsEmpty)
        {
            throw Error($"The password of '{username}' is empty.", offset + colon + 1, lineNumber, "password");
        }

        var name = username.ToString();
        if (firstLines.TryGetValue(name, out var first))
        {
            throw Error($"The user '{name}' is already defined on line {first}.", offset + leading, lineNumber, "username");
        }

        firstLines.Add(name, lineNumber);
        store.Add(name, SipCredential.FromPassword(password.ToString()));
    }

    private static SipFormatException Error(string message, int position, int line, string field) =>
        new($"Users file, line {line}: {message}", position, line, field);
}
