namespace K7.Contacts.Formats;

/// <summary>One of the CSV dialects <see cref="ContactCsv"/> reads and writes: its columns and how they map to fields.</summary>
internal abstract class CsvDialect
{
    /// <summary>Gets the header this dialect writes, in order.</summary>
    public abstract IReadOnlyList<string> Header { get; }

    /// <summary>Gets the columns of which a file needs at least one to give any name, number or e-mail address.</summary>
    public abstract IReadOnlyList<string> NeededColumns { get; }

    /// <summary>Gets the dialect of a format.</summary>
    /// <param name="format">The format.</param>
    /// <returns>The dialect.</returns>
    /// <exception cref="ArgumentException">The format is not a CSV format.</exception>
    public static CsvDialect For(ContactFileFormat format) => format switch
    {
        ContactFileFormat.K7Csv => CsvK7Dialect.Instance,
        ContactFileFormat.OutlookCsv => CsvOutlookDialect.Instance,
        ContactFileFormat.GoogleCsv => CsvGoogleDialect.Instance,
        _ => throw new ArgumentException($"{format} is not a CSV format; use K7Csv, OutlookCsv or GoogleCsv.", nameof(format)),
    };

    /// <summary>Gets a value indicating whether a header has a column that gives a name, a number or an e-mail address.</summary>
    /// <param name="headers">The header row.</param>
    /// <returns><see langword="true"/> when the file can give contacts.</returns>
    public virtual bool HasNeededColumns(CsvHeaderMap headers) => headers.ContainsAny(NeededColumns);

    /// <summary>Prepares the reading of a file's rows, once its header is known.</summary>
    /// <param name="headers">The header row.</param>
    /// <returns>What reads one row into its builder.</returns>
    public abstract Action<CsvRecordBuilder> Bind(CsvHeaderMap headers);

    /// <summary>Fills the cells of one row, aligned with <see cref="Header"/>; cells left <see langword="null"/> are written empty.</summary>
    /// <param name="cells">The row, as long as <see cref="Header"/>.</param>
    /// <param name="item">The contact and its star.</param>
    public abstract void Fill(string?[] cells, ContactExportItem item);

    /// <summary>The index of a column of <see cref="Header"/>.</summary>
    /// <param name="name">The column name, exactly as in the header.</param>
    /// <returns>The index.</returns>
    protected int Column(string name)
    {
        for (var i = 0; i < Header.Count; i++)
        {
            if (string.Equals(Header[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"'{name}' is not a column of the header.");
    }
}
