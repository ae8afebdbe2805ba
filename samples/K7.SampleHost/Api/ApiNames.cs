using System.Text.Json;

namespace K7.SampleHost.Api;

/// <summary>How the API spells names: enum values and fields in camelCase, as its JSON does.</summary>
internal static class ApiNames
{
    /// <summary>An enum value's name as the API writes it (<c>NoAnswer</c> → <c>noAnswer</c>).</summary>
    public static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    /// <summary>A package's field path as the API names it (<c>EmailAddresses[0]</c> → <c>emailAddresses[0]</c>, <c>[2].Name</c> → <c>[2].name</c>); empty is <c>body</c>.</summary>
    public static string Field(string field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return "body";
        }

        var segments = field.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Length > 0 && char.IsAsciiLetterUpper(segments[i][0]))
            {
                segments[i] = char.ToLowerInvariant(segments[i][0]) + segments[i][1..];
            }
        }

        return string.Join('.', segments);
    }
}
