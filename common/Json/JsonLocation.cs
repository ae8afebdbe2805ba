using System.Text;
using System.Text.Json;

namespace K7.Json;

/// <summary>JSON paths, positions and lines for the errors of the K7 JSON readers (compiled into each package that has one).</summary>
internal static class JsonLocation
{
    /// <summary>Appends one path segment: <c>.name</c>, <c>['odd name']</c> or <c>[3]</c>.</summary>
    public static void AppendSegment(StringBuilder path, string? name, int index)
    {
        if (name is null)
        {
            path.Append('[').Append(index).Append(']');
        }
        else if (name.Length > 0 && name.AsSpan().IndexOfAnyExcept(PlainNameChars) < 0)
        {
            path.Append('.').Append(name);
        }
        else
        {
            path.Append("['").Append(name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
        }
    }

    /// <summary>Converts a model field path (<c>Rules[2].SimultaneousRing.Targets[0].Delay</c>) to the JSON path below the
    /// document (<c>.rules[2].ring.targets[0].delaySeconds</c>); <paramref name="propertyOf"/> names each JSON property.</summary>
    public static string FromField(string field, Func<string, string> propertyOf)
    {
        var path = new StringBuilder();
        foreach (var part in field.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            if (name.Length > 0)
            {
                path.Append('.').Append(propertyOf(name));
            }

            if (bracket >= 0)
            {
                path.Append(part, bracket, part.Length - bracket);
            }
        }

        return path.ToString();
    }

    /// <summary>Finds where the value at <paramref name="target"/> starts in <paramref name="document"/>, or where its
    /// deepest existing ancestor starts (for a default the document left out); <paramref name="fallback"/> if neither.</summary>
    public static long Find(ReadOnlySpan<byte> document, string target, JsonReaderOptions options, long fallback)
    {
        var reader = new Utf8JsonReader(document, options);
        var containers = new List<(string Path, bool IsArray, int Count)>();
        string? property = null;
        var best = fallback;
        var bestLength = 0;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        containers.RemoveAt(containers.Count - 1);
                        continue;
                    case JsonTokenType.Comment:
                        continue;
                }

                var path = "$";
                if (containers.Count > 0)
                {
                    var parent = containers[^1];
                    var builder = new StringBuilder(parent.Path);
                    AppendSegment(builder, parent.IsArray ? null : property, parent.Count);
                    containers[^1] = parent with { Count = parent.Count + 1 };
                    path = builder.ToString();
                }

                if (path == target)
                {
                    return reader.TokenStartIndex;
                }

                if (path.Length > bestLength && target.Length > path.Length && target.StartsWith(path, StringComparison.Ordinal) && target[path.Length] is '.' or '[')
                {
                    best = reader.TokenStartIndex;
                    bestLength = path.Length;
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    containers.Add((path, reader.TokenType == JsonTokenType.StartArray, 0));
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // A later part of the document is malformed, or a name is not valid text: the best match so far is the answer.
        }

        return best;
    }

    /// <summary>Returns the one-based line and column (in bytes) of a byte offset.</summary>
    public static (long Line, long Column) LineAndColumn(ReadOnlySpan<byte> document, long position)
    {
        var before = document[..(int)Math.Clamp(position, 0, document.Length)];
        return (before.Count((byte)'\n') + 1, before.Length - before.LastIndexOf((byte)'\n'));
    }

    /// <summary>Returns the byte offset of a zero-based line and byte position, as <see cref="JsonException"/> gives them.</summary>
    public static long Offset(ReadOnlySpan<byte> document, long line, long bytePositionInLine)
    {
        var offset = 0;
        for (long i = 0; i < line; i++)
        {
            var newLine = document[offset..].IndexOf((byte)'\n');
            if (newLine < 0)
            {
                break;
            }

            offset += newLine + 1;
        }

        return Math.Min(offset + bytePositionInLine, document.Length);
    }

    private static ReadOnlySpan<char> PlainNameChars => "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
}
