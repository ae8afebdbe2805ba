using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace K7.Voicemail.Notifications;

/// <summary>A parsed template such as "New voicemail from {Caller}": literal text and placeholders; "{{" and "}}" stand for braces.</summary>
internal sealed class NotificationTemplate
{
    /// <summary>The placeholder names, in <see cref="TemplateField"/> order.</summary>
    internal static readonly string[] FieldNames =
        ["Caller", "CallerName", "CallerNumber", "Extension", "MessageId", "RecipientName", "Duration", "ReceivedAt"];

    private readonly string[] _literals;
    private readonly TemplateField[] _fields;

    private NotificationTemplate(string[] literals, TemplateField[] fields)
    {
        _literals = literals;
        _fields = fields;
    }

    /// <summary>Parses <paramref name="template"/>; on failure <paramref name="error"/> says what is wrong and where.</summary>
    public static bool TryParse(string? template, [NotNullWhen(true)] out NotificationTemplate? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        if (template is null)
        {
            error = "the template is missing";
            return false;
        }

        var literals = new List<string>();
        var fields = new List<TemplateField>();
        var current = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{')
            {
                if (i + 1 < template.Length && template[i + 1] == '{')
                {
                    current.Append('{');
                    i++;
                    continue;
                }

                var end = template.IndexOf('}', i + 1);
                if (end < 0)
                {
                    error = $"the '{{' at position {i} is not closed";
                    return false;
                }

                var name = template.AsSpan(i + 1, end - i - 1);
                var index = IndexOfField(name);
                if (index < 0)
                {
                    error = $"unknown placeholder {{{name}}} at position {i} (known: {string.Join(", ", FieldNames.Select(n => "{" + n + "}"))})";
                    return false;
                }

                literals.Add(current.ToString());
                current.Clear();
                fields.Add((TemplateField)index);
                i = end;
            }
            else if (c == '}')
            {
                if (i + 1 < template.Length && template[i + 1] == '}')
                {
                    current.Append('}');
                    i++;
                    continue;
                }

                error = $"the '}}' at position {i} has no matching '{{' (write '}}}}' for a brace)";
                return false;
            }
            else
            {
                current.Append(c);
            }
        }

        literals.Add(current.ToString());
        result = new NotificationTemplate([.. literals], [.. fields]);
        error = null;
        return true;
    }

    /// <summary>Renders the template, passing every value through <paramref name="escape"/>; literals are kept as written.</summary>
    public string Render(IReadOnlyList<string> values, Func<string, string> escape)
    {
        var builder = new StringBuilder(_literals[0]);
        for (var i = 0; i < _fields.Length; i++)
        {
            builder.Append(escape(values[(int)_fields[i]]));
            builder.Append(_literals[i + 1]);
        }

        return builder.ToString();
    }

    private static int IndexOfField(ReadOnlySpan<char> name)
    {
        for (var i = 0; i < FieldNames.Length; i++)
        {
            if (name.SequenceEqual(FieldNames[i]))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>The values a <see cref="NotificationTemplate"/> can hold.</summary>
internal enum TemplateField
{
    Caller,
    CallerName,
    CallerNumber,
    Extension,
    MessageId,
    RecipientName,
    Duration,
    ReceivedAt,
}
