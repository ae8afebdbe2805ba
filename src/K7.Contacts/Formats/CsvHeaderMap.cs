namespace K7.Contacts.Formats;

/// <summary>
/// The columns of a CSV header row, found by name: case-insensitive, surrounding white space (and a stray byte order
/// mark) ignored. When two columns have the same name, the first (leftmost) one is used and the others are ignored.
/// </summary>
internal sealed class CsvHeaderMap
{
    private readonly Dictionary<string, int> _indexes = new(StringComparer.OrdinalIgnoreCase);
    private readonly string[] _names;

    /// <summary>Initializes a new instance of the <see cref="CsvHeaderMap"/> class.</summary>
    /// <param name="headers">The header row's cells, in file order.</param>
    public CsvHeaderMap(IReadOnlyList<string> headers)
    {
        _names = new string[headers.Count];
        for (var i = 0; i < headers.Count; i++)
        {
            var name = Normalize(headers[i]);
            _names[i] = name;
            if (name.Length > 0)
            {
                _indexes.TryAdd(name, i);
            }
        }
    }

    /// <summary>Gets the number of columns in the header row.</summary>
    public int Count => _names.Length;

    /// <summary>Gets the header names, trimmed, in file order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Gets the zero-based index of the first column with the name, or -1 when there is none.</summary>
    /// <param name="name">The column name.</param>
    /// <returns>The index, or -1.</returns>
    public int IndexOf(string name) => _indexes.TryGetValue(name, out var index) ? index : -1;

    /// <summary>Gets a value indicating whether a column has the name.</summary>
    /// <param name="name">The column name.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool Contains(string name) => _indexes.ContainsKey(name);

    /// <summary>Gets a value indicating whether any of the names is a column.</summary>
    /// <param name="names">The column names.</param>
    /// <returns><see langword="true"/> when at least one is present.</returns>
    public bool ContainsAny(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (_indexes.ContainsKey(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gets the header text of a column, trimmed.</summary>
    /// <param name="index">The zero-based index.</param>
    /// <returns>The name, or an empty string past the last column.</returns>
    public string NameAt(int index) => (uint)index < (uint)_names.Length ? _names[index] : string.Empty;

    /// <summary>
    /// Finds the numbered column groups of Google's files, such as <c>Phone 1 - Value</c> and <c>Phone 1 - Label</c>,
    /// in number order.
    /// </summary>
    /// <param name="prefix">The group's name before the number (<c>Phone</c>).</param>
    /// <param name="valueSuffix">The value column's name after the dash (<c>Value</c>).</param>
    /// <param name="labelSuffixes">The label column's possible names after the dash (<c>Label</c>, <c>Type</c>).</param>
    /// <returns>The value and label column indexes (the label -1 when absent), ordered by number.</returns>
    public List<(int Value, int Label)> NumberedGroups(string prefix, string valueSuffix, params ReadOnlySpan<string> labelSuffixes)
    {
        var found = new List<(int Number, int Value, int Label)>();
        foreach (var (name, index) in _indexes)
        {
            if (!TryParseNumbered(name, prefix, valueSuffix, out var number))
            {
                continue;
            }

            var label = -1;
            foreach (var suffix in labelSuffixes)
            {
                label = IndexOf($"{prefix} {number} - {suffix}");
                if (label >= 0)
                {
                    break;
                }
            }

            found.Add((number, index, label));
        }

        found.Sort((a, b) => a.Number.CompareTo(b.Number));
        return found.ConvertAll(g => (g.Value, g.Label));
    }

    /// <summary>Gets a value indicating whether any column is of a numbered group such as <c>Phone 1 - Value</c>.</summary>
    /// <param name="prefix">The group's name before the number.</param>
    /// <param name="valueSuffix">The column's name after the dash.</param>
    /// <returns><see langword="true"/> when at least one is present.</returns>
    public bool ContainsNumbered(string prefix, string valueSuffix)
    {
        foreach (var name in _indexes.Keys)
        {
            if (TryParseNumbered(name, prefix, valueSuffix, out _))
            {
                return true;
            }
        }

        return false;
    }

    private static string Normalize(string? header) => (header ?? string.Empty).Trim().TrimStart('\uFEFF').Trim();

    private static bool TryParseNumbered(string name, string prefix, string valueSuffix, out int number)
    {
        number = 0;
        var span = name.AsSpan();
        if (span.Length < prefix.Length + valueSuffix.Length
            || !span.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || !span.EndsWith(valueSuffix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // "Phone 12 - Value": the part between the prefix and the suffix is " 12 - ".
        var middle = span[prefix.Length..^valueSuffix.Length].Trim();
        if (!middle.EndsWith('-'))
        {
            return false;
        }

        middle = middle[..^1].Trim();
        if (middle.Length is 0 or > 4)
        {
            return false;
        }

        foreach (var c in middle)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        number = int.Parse(middle, System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }
}
