namespace K7.Routing;

/// <summary>The enum values of the answering-rules JSON format (docs/routing-json.md) and the text of its messages.</summary>
internal static class RoutingJsonText
{
    /// <summary>Destination kinds, indexed by <see cref="DestinationKind"/>.</summary>
    public static readonly string[] Kinds = ["user", "device", "userDevices", "externalNumber", "voicemail", "conference", "other"];

    /// <summary>Ring modes: index 0 rings the user's extension only, index 1 is a simultaneous ring.</summary>
    public static readonly string[] Modes = ["userExtension", "simultaneous"];

    /// <summary>Lists the accepted values for an error message: <c>'a', 'b' or 'c'</c>.</summary>
    public static string OneOf(string[] values)
    {
        var quoted = new string[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            quoted[i] = $"'{values[i]}'";
        }

        return values.Length == 1 ? quoted[0] : $"{string.Join(", ", quoted, 0, quoted.Length - 1)} or {quoted[^1]}";
    }

    /// <summary>Returns " (did you mean 'x'?)" for the accepted value closest to <paramref name="text"/>: the same but
    /// for case, else at most two edits away, else one that contains the other (four characters or more); an empty
    /// string when none is close.</summary>
    public static string Suggest(string text, string[] values)
    {
        foreach (var value in values)
        {
            if (string.Equals(value, text, StringComparison.OrdinalIgnoreCase))
            {
                return $" (names are case-sensitive: did you mean '{value}'?)";
            }
        }

        string? best = null;
        var bestDistance = Math.Min(2, text.Length / 2);
        var upper = text.ToUpperInvariant();
        foreach (var value in values)
        {
            var distance = Distance(upper, value.ToUpperInvariant(), bestDistance);
            if (distance <= bestDistance && (best is null || distance < bestDistance))
            {
                best = value;
                bestDistance = distance;
            }
        }

        if (best is null)
        {
            // A longer or shorter form of a name: "ringTimeout" for "ringTimeoutSeconds", "simultaneousRing" for "ring".
            var overlap = 3;
            foreach (var value in values)
            {
                var shorter = Math.Min(value.Length, text.Length);
                if (shorter > overlap
                    && (value.Contains(text, StringComparison.OrdinalIgnoreCase) || text.Contains(value, StringComparison.OrdinalIgnoreCase)))
                {
                    best = value;
                    overlap = shorter;
                }
            }
        }

        return best is null ? string.Empty : $" (did you mean '{best}'?)";
    }

    public static string Capitalize(string text) => string.Concat(text[..1].ToUpperInvariant(), text[1..]);

    /// <summary>The optimal string alignment distance (edits, counting a swap of neighbours as one), or a value above
    /// <paramref name="limit"/> as soon as it is known to exceed it.</summary>
    private static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            if (rowMinimum > limit)
            {
                return limit + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
