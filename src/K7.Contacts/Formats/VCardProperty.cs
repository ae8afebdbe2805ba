using System.Text;

namespace K7.Contacts.Formats;

/// <summary>
/// One content line of a vCard, split into <c>[group "."] name *(";" param) ":" value</c>. Names and parameter names
/// are upper-cased; parameter values are unquoted, split at commas and, in 4.0 cards, freed of RFC 6868 caret escapes.
/// vCard 2.1 bare parameters (<c>TEL;CELL;VOICE:</c>) become <c>TYPE</c> values, or the <c>ENCODING</c> for
/// <c>QUOTED-PRINTABLE</c>, <c>BASE64</c>, <c>8BIT</c> and <c>7BIT</c>. The value is kept raw (escapes and encodings
/// are left to the caller).
/// </summary>
internal sealed class VCardProperty
{
    private VCardProperty(string? group, string name, List<KeyValuePair<string, string>> parameters, string value, int line)
    {
        Group = group;
        Name = name;
        Parameters = parameters;
        Value = value;
        Line = line;
    }

    /// <summary>Gets the group (<c>item1</c>), as written, or <see langword="null"/>.</summary>
    public string? Group { get; }

    /// <summary>Gets the property name, upper-cased.</summary>
    public string Name { get; }

    /// <summary>Gets the parameters: upper-cased names, one entry per value.</summary>
    public List<KeyValuePair<string, string>> Parameters { get; }

    /// <summary>Gets the raw value.</summary>
    public string Value { get; }

    /// <summary>Gets the one-based physical line of the property.</summary>
    public int Line { get; }

    /// <summary>Gets the name to report: <c>TEL</c> or <c>item1.TEL</c>.</summary>
    public string SourceName => Group is null ? Name : Group + "." + Name;

    /// <summary>Gets the first value of a parameter, or <see langword="null"/>.</summary>
    public string? GetParameter(string name)
    {
        foreach (var parameter in Parameters)
        {
            if (parameter.Key == name)
            {
                return parameter.Value;
            }
        }

        return null;
    }

    /// <summary>Gets a value indicating whether <c>TYPE</c> lists a value (case-insensitive).</summary>
    public bool HasType(string type)
    {
        foreach (var parameter in Parameters)
        {
            if (parameter.Key == "TYPE" && parameter.Value.Equals(type, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Parses a logical line.</summary>
    /// <param name="text">The unfolded line.</param>
    /// <param name="line">Its physical line.</param>
    /// <param name="caretEscapes">Whether to decode RFC 6868 caret escapes in parameter values (vCard 4.0).</param>
    /// <returns>The property, or <see langword="null"/> when the line is not a content line.</returns>
    public static VCardProperty? TryParse(string text, int line, bool caretEscapes)
    {
        var i = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        var name = ReadName(text, ref i);
        if (name is null)
        {
            return null;
        }

        string? group = null;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            group = name;
            name = ReadName(text, ref i);
            if (name is null)
            {
                return null;
            }
        }

        var parameters = new List<KeyValuePair<string, string>>();
        while (i < text.Length && text[i] == ';')
        {
            i++;
            if (!ReadParameter(text, ref i, caretEscapes, parameters))
            {
                return null;
            }
        }

        if (i >= text.Length || text[i] != ':')
        {
            return null;
        }

        return new VCardProperty(group, name.ToUpperInvariant(), parameters, text[(i + 1)..], line);
    }

    private static string? ReadName(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '-' or '_'))
        {
            i++;
        }

        var end = i;
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        return end == start ? null : text[start..end];
    }

    private static bool ReadParameter(string text, ref int i, bool caretEscapes, List<KeyValuePair<string, string>> parameters)
    {
        var start = i;
        while (i < text.Length && text[i] is not ('=' or ';' or ':' or '"' or ','))
        {
            i++;
        }

        var name = text[start..i].Trim().ToUpperInvariant();
        if (i < text.Length && text[i] is '"' or ',')
        {
            return false;
        }

        if (i >= text.Length || text[i] != '=')
        {
            // vCard 2.1 bare parameter, or an empty one (";;").
            if (name.Length > 0)
            {
                var key = name is "QUOTED-PRINTABLE" or "BASE64" or "8BIT" or "7BIT" ? "ENCODING" : "TYPE";
                parameters.Add(new(key, name));
            }

            return true;
        }

        i++;
        while (true)
        {
            string value;
            if (i < text.Length && text[i] == '"')
            {
                var close = text.IndexOf('"', i + 1);
                if (close < 0)
                {
                    return false;
                }

                value = text[(i + 1)..close];
                i = close + 1;
            }
            else
            {
                start = i;
                while (i < text.Length && text[i] is not (',' or ';' or ':' or '"'))
                {
                    i++;
                }

                if (i < text.Length && text[i] == '"')
                {
                    return false;
                }

                value = text[start..i];
            }

            if (caretEscapes)
            {
                value = DecodeCarets(value);
            }

            if (name == "TYPE")
            {
                // TYPE="work,voice" (RFC 6350's own examples) means two types.
                foreach (var part in value.Split(','))
                {
                    var type = part.Trim();
                    if (type.Length > 0)
                    {
                        parameters.Add(new(name, type));
                    }
                }
            }
            else if (name.Length > 0)
            {
                parameters.Add(new(name, value.Trim()));
            }

            if (i < text.Length && text[i] == ',')
            {
                i++;
                continue;
            }

            return true;
        }
    }

    /// <summary>Decodes RFC 6868 escapes: <c>^n</c> (line break), <c>^^</c> (caret), <c>^'</c> (double quote).</summary>
    internal static string DecodeCarets(string value)
    {
        if (!value.Contains('^', StringComparison.Ordinal))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '^' && i + 1 < value.Length)
            {
                var next = value[i + 1];
                var decoded = next switch
                {
                    'n' or 'N' => '\n',
                    '^' => '^',
                    '\'' => '"',
                    _ => '\0',
                };
                if (decoded != '\0')
                {
                    builder.Append(decoded);
                    i++;
                    continue;
                }
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
