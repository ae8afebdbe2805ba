using System.Text;
using System.Text.Json;

namespace K7.TimeFrames;

/// <summary>JSON paths and positions for the errors of <see cref="TimeFrameJsonReader"/>.</summary>
internal static class TimeFrameJsonLocation
{
    /// <summary>Appends one path segment: <c>.name</c>, <c>['odd name']</c> or <c>[3]</c>.</summary>
    public static void AppendSegment(StringBuilder path, string? name, int index)
    {
        if (name is null)
        {
            path.Append('[').Append(index).Append(']');
        }
        else if (IsPlainName(name))
        {
            path.Append('.').Append(name);
        }
        else
        {
            path.Append("['").Append(name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
        }
    }

    /// <summary>Converts a <see cref="TimeFrameValidationException.Field"/> (<c>Definition.Days[1].Ranges[0]</c>) to the
    /// JSON path below the frame (<c>.definition.days[1].ranges[0]</c>).</summary>
    public static string FromField(string field)
    {
        var path = new StringBuilder();
        foreach (var part in field.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            if (name.Length > 0)
            {
                path.Append('.').Append(PropertyOf(name));
            }

            if (bracket >= 0)
            {
                path.Append(part, bracket, part.Length - bracket);
            }
        }

        return path.ToString();
    }

    /// <summary>Finds where the value at <paramref name="target"/> starts in <paramref name="document"/>, or where its
    /// deepest existing ancestor starts (a default the document left out); <paramref name="fallback"/> if neither.</summary>
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
                var type = reader.TokenType;
                if (type == JsonTokenType.PropertyName)
                {
                    property = reader.GetString();
                    continue;
                }

                if (type is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    containers.RemoveAt(containers.Count - 1);
                    continue;
                }

                if (type == JsonTokenType.Comment)
                {
                    continue;
                }

                string path;
                if (containers.Count == 0)
                {
                    path = "$";
                }
                else
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

                if (path.Length > bestLength && IsAncestor(path, target))
                {
                    best = reader.TokenStartIndex;
                    bestLength = path.Length;
                }

                if (type is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    containers.Add((path, type == JsonTokenType.StartArray, 0));
                }
            }
        }
        catch (JsonException)
        {
            // A later part of the document is malformed; the best match so far is the answer.
        }
        catch (InvalidOperationException)
        {
            // A property name is not valid text; as above.
        }

        return best;
    }

    /// <summary>Returns the one-based line and column (in bytes) of a byte offset.</summary>
    public static (long Line, long Column) LineAndColumn(ReadOnlySpan<byte> document, long position)
    {
        var before = document[..(int)Math.Clamp(position, 0, document.Length)];
        var line = before.Count((byte)'\n') + 1;
        var column = before.Length - (before.LastIndexOf((byte)'\n') + 1) + 1;
        return (line, column);
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

    private static bool IsAncestor(string path, string target) =>
        target.Length > path.Length && target.StartsWith(path, StringComparison.Ordinal) && target[path.Length] is '.' or '[';

    private static bool IsPlainName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    private static string PropertyOf(string field) => field switch
    {
        "Zone" => "timeZone",
        "Interval" => "every",
        "Count" => "after",
        "Date" => "on",
        "HolidayId" => "holiday",
        _ => string.Concat(field[..1].ToLowerInvariant(), field[1..]),
    };
}
