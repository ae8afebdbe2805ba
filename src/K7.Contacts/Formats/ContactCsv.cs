using System.Globalization;
using System.Text;
using CsvHelper;

namespace K7.Contacts.Formats;

/// <summary>
/// Reads and writes the three CSV dialects of the portal's Contacts page: our own template
/// (<see cref="ContactFileFormat.K7Csv"/>), Outlook's (<see cref="ContactFileFormat.OutlookCsv"/>) and Google's
/// (<see cref="ContactFileFormat.GoogleCsv"/>).
/// </summary>
/// <remarks>
/// <para>
/// Reading: columns are found by header name (case-insensitive, surrounding white space ignored), in any order;
/// unknown columns are ignored, and when two columns have the same name the first (leftmost) one is used. Cells past
/// the header's last column are ignored (Outlook files often end each row with an extra empty cell); missing cells
/// are empty. Blank lines, and rows whose cells are all empty, are skipped. Values are trimmed, and empty ones are
/// <see langword="null"/>. A cell that starts with <c>'</c> followed by <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or
/// carriage return (the formula escape <see cref="Write"/> adds) loses that <c>'</c>.
/// </para>
/// <para>
/// Which fields each dialect carries, read and written (see <see cref="CsvK7Dialect"/>, <see cref="CsvOutlookDialect"/>
/// and <see cref="CsvGoogleDialect"/> for the columns):
/// <list type="bullet">
/// <item><description>K7: every field, the type (<see cref="ContactRecord.Kind"/>) and the favourite star included.</description></item>
/// <item><description>Outlook: first and last name, work, mobile, home and fax numbers, e-mail, site (<c>Office Location</c>), department, favourite (<c>Categories</c>). No extension, no type.</description></item>
/// <item><description>Google: first and last name, work, mobile, home and fax numbers, e-mail, department, favourite (<c>Labels</c>). No extension, no site, no type.</description></item>
/// </list>
/// </para>
/// <para>
/// Limits: a value longer than <see cref="MaxFieldLength"/> characters in a column that is read is an error of its
/// row (<see cref="ContactRecord.Errors"/>). A row longer than <see cref="MaxRecordLength"/> characters, and a quoted
/// field that is never closed (which would swallow the rest of the file), end the reading with a
/// <see cref="ContactFormatException"/> that names the line where the row starts.
/// </para>
/// </remarks>
internal static class ContactCsv
{
    /// <summary>The longest value accepted in a column that is read, in characters.</summary>
    public const int MaxFieldLength = 4096;

    /// <summary>The longest row accepted, in characters, line breaks inside quoted fields included.</summary>
    public const int MaxRecordLength = 65_536;

    private const char FormulaEscape = '\'';
    private const string FormulaCharacters = "=+-@\t\r";

    // Outlook and Google write CRLF; CsvHelper quotes only the fields that need it and escapes possible formulas.
    private static readonly CsvWriterOptions WriterOptions = CsvWriterOptions.Default with
    {
        Separator = ',',
        NewLine = "\r\n",
        Quoting = CsvQuoting.WhenNeeded,
        Injection = CsvInjection.Escape,
        InjectionCharacters = FormulaCharacters,
        InjectionEscape = FormulaEscape,
    };

    private static readonly string[] K7Columns = ["Extension", "Work Number", "Home Number"];

    private static readonly string[] NameColumns = ["First Name", "Last Name"];

    private static readonly string[] GoogleColumns =
    [
        "Given Name", "Family Name", "Group Membership", "Labels", "File As", "Phonetic First Name",
        "Organization Name", "Organization Department", "Organization 1 - Name",
    ];

    private static readonly string[] OutlookColumns =
    [
        "Business Phone", "Primary Phone", "Mobile Phone", "Home Phone", "Business Fax", "E-mail Address",
        "Office Location", "Company Main Phone", "Categories",
    ];

    /// <summary>Gets the header line of our template (<see cref="ContactFileFormat.K7Csv"/>), for "Download Template".</summary>
    public static string TemplateHeader => CsvK7Dialect.HeaderLine;

    /// <summary>Guesses the dialect of a file from its header row.</summary>
    /// <param name="headerLine">The first line of the file.</param>
    /// <returns>
    /// <see cref="ContactFileFormat.K7Csv"/> when a column is <c>Extension</c>, <c>Work Number</c> or <c>Home Number</c>;
    /// otherwise <see cref="ContactFileFormat.GoogleCsv"/> when one is Google's own (<c>Given Name</c>, <c>Labels</c>,
    /// <c>Phone 1 - Value</c>, ...); otherwise <see cref="ContactFileFormat.OutlookCsv"/> when one is Outlook's own
    /// (<c>Business Phone</c>, <c>E-mail Address</c>, ...); otherwise <see cref="ContactFileFormat.K7Csv"/> when a column is
    /// <c>First Name</c> or <c>Last Name</c> (a hand-made file, read by column name); otherwise <see langword="null"/>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="headerLine"/> is <see langword="null"/>.</exception>
    public static ContactFileFormat? Detect(string headerLine)
    {
        ArgumentNullException.ThrowIfNull(headerLine);
        CsvHeaderMap headers;
        try
        {
            using var csv = CsvReader.Create(new StringReader(headerLine), ReaderOptions(onMalformed: null), leaveOpen: false);
            csv.ReadHeader();
            headers = new CsvHeaderMap(csv.Headers);
        }
        catch (CsvFormatException)
        {
            return null;
        }

        if (headers.ContainsAny(K7Columns))
        {
            return ContactFileFormat.K7Csv;
        }

        if (headers.ContainsAny(GoogleColumns) || headers.ContainsNumbered("Phone", "Value") || headers.ContainsNumbered("E-mail", "Value"))
        {
            return ContactFileFormat.GoogleCsv;
        }

        if (headers.ContainsAny(OutlookColumns))
        {
            return ContactFileFormat.OutlookCsv;
        }

        // A header of none of the products that still names a name column: read as our template, columns by name.
        return headers.ContainsAny(NameColumns) ? ContactFileFormat.K7Csv : null;
    }

    /// <summary>Reads every data row of a file.</summary>
    /// <param name="reader">The file's text, read from its current position; the caller disposes it.</param>
    /// <param name="format"><see cref="ContactFileFormat.K7Csv"/>, <see cref="ContactFileFormat.OutlookCsv"/> or <see cref="ContactFileFormat.GoogleCsv"/>.</param>
    /// <param name="cancellationToken">Stops the reading between rows.</param>
    /// <returns>
    /// The records, one per row, read lazily as they are enumerated (enumerate once). A row with problems is still
    /// returned, with <see cref="ContactRecord.Errors"/> naming line and column.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not a CSV format.</exception>
    /// <exception cref="ContactFormatException">
    /// (While enumerating.) The header has no column that gives a name, a number or an e-mail address; a row is longer
    /// than <see cref="MaxRecordLength"/>; or a quoted field is never closed.
    /// </exception>
    public static IEnumerable<ContactRecord> Read(TextReader reader, ContactFileFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var dialect = CsvDialect.For(format);
        return ReadCore(reader, dialect, cancellationToken);
    }

    /// <summary>Writes contacts as a file of a dialect: the header, then a row per item, each line ended by CRLF.</summary>
    /// <param name="writer">Where the text goes; the caller chooses its encoding (UTF-8) and disposes it.</param>
    /// <param name="items">The contacts and their stars.</param>
    /// <param name="format"><see cref="ContactFileFormat.K7Csv"/>, <see cref="ContactFileFormat.OutlookCsv"/> or <see cref="ContactFileFormat.GoogleCsv"/>.</param>
    /// <remarks>
    /// A value that a spreadsheet would run as a formula (one that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>,
    /// tab or carriage return, E.164 numbers included) is written after a <c>'</c>, which <see cref="Read"/> removes.
    /// A value that already starts with <c>'</c> before such a character gets one more, so every value reads back as
    /// written.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="items"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not a CSV format, or an item has no contact.</exception>
    public static void Write(TextWriter writer, IEnumerable<ContactExportItem> items, ContactFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(items);
        var dialect = CsvDialect.For(format);
        var header = new string[dialect.Header.Count];
        for (var i = 0; i < header.Length; i++)
        {
            header[i] = dialect.Header[i];
        }

        using var csv = CsvWriter.Create(writer, WriterOptions, leaveOpen: true);
        csv.WriteHeader(header);
        var cells = new string?[header.Length];
        foreach (var item in items)
        {
            if (item.Contact is null)
            {
                throw new ArgumentException("An item has no contact.", nameof(items));
            }

            Array.Clear(cells);
            dialect.Fill(cells, item);
            foreach (var cell in cells)
            {
                csv.WriteField(EscapeEscape(cell));
            }

            csv.EndRecord();
        }

        csv.Flush();
    }

    /// <summary>Cleans a cell as read: trimmed, the formula escape removed, <see langword="null"/> when empty.</summary>
    /// <param name="cell">The cell as read.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    internal static string? CleanCell(string? cell)
    {
        if (cell is null)
        {
            return null;
        }

        var value = cell.Trim();
        if (value.Length > 1 && value[0] == FormulaEscape && IsEscaped(value))
        {
            value = value[1..].Trim();
        }

        return value.Length == 0 ? null : value;
    }

    /// <summary>A value for an error message: at most 40 characters, without line breaks.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text to show.</returns>
    internal static string Quote(string value)
    {
        var shown = value.Length > 40 ? string.Concat(value.AsSpan(0, 40), "…") : value;
        return shown.ReplaceLineEndings(" ");
    }

    // "'=x" and "''=x": quotes before a formula character. CsvHelper escapes the first, not the second, so the second
    // gets its extra quote here and every value reads back as written.
    private static bool IsEscaped(string value)
    {
        var i = 0;
        while (i < value.Length && value[i] == FormulaEscape)
        {
            i++;
        }

        return i > 0 && i < value.Length && FormulaCharacters.Contains(value[i], StringComparison.Ordinal);
    }

    private static string? EscapeEscape(string? value) =>
        value is not null && IsEscaped(value) ? FormulaEscape + value : value;

    private static CsvReaderOptions ReaderOptions(Action<CsvMalformedRecord>? onMalformed) => CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = true,
        Mode = CsvMode.Rfc4180,
        TrackLineNumbers = true,
        SkipEmptyLines = true,

        // Values are trimmed anyway; this also lets a quote after a space (a, "b") open a quoted field.
        TrimWhitespace = true,
        AllowLineBreaksInQuotes = true,
        DetectSeparatorHint = false,
        MalformedData = CsvMalformedDataHandling.Recover,
        FieldCountMismatch = CsvFieldCountHandling.Allow,

        // In UTF-8 bytes: a character takes at most 3, so no row within MaxRecordLength is refused here.
        MaxRecordSize = MaxRecordLength * 3,
        OnMalformedRecord = onMalformed,
    };

    private static IEnumerable<ContactRecord> ReadCore(TextReader reader, CsvDialect dialect, CancellationToken cancellationToken)
    {
        var unterminated = new List<CsvMalformedRecord>();
        using var csv = CsvReader.Create(
            reader,
            ReaderOptions(m =>
            {
                if (m.Reason == CsvMalformedReason.UnterminatedQuote)
                {
                    unterminated.Add(m);
                }
            }),
            leaveOpen: true);

        cancellationToken.ThrowIfCancellationRequested();
        Guard(csv, static c =>
        {
            c.ReadHeader();
            return true;
        });
        var headers = new CsvHeaderMap(csv.Headers);
        var headerLine = Math.Max(1, (int)csv.LineNumber);
        ThrowIfUnterminated(csv, unterminated, headers, isHeader: true);
        if (!dialect.HasNeededColumns(headers))
        {
            var expected = string.Join(", ", dialect.NeededColumns);
            throw new ContactFormatException(
                headers.Count == 0
                    ? $"The file is empty: expected a header row with at least one of these columns: {expected}."
                    : $"The header row has no column for a name, a number or an e-mail address: expected at least one of these columns: {expected}.",
                headerLine);
        }

        var bind = dialect.Bind(headers);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!Guard(csv, static c => c.Read()))
            {
                ThrowIfUnterminated(csv, unterminated, headers, isHeader: false);
                yield break;
            }

            ThrowIfUnterminated(csv, unterminated, headers, isHeader: false);
            var line = (int)csv.LineNumber;
            ThrowIfTooLong(csv, line, headers);

            var cells = new string?[headers.Count];
            var hasValue = false;
            var count = Math.Min(csv.FieldCount, headers.Count);
            for (var i = 0; i < count; i++)
            {
                var cell = csv.GetString(i);
                cells[i] = cell;
                hasValue |= !string.IsNullOrWhiteSpace(cell);
            }

            if (!hasValue)
            {
                continue;
            }

            var builder = new CsvRecordBuilder(line, cells, headers);
            bind(builder);
            yield return builder.Build();
        }
    }

    // CsvHelper refuses a row longer than MaxRecordSize bytes before it is read; the place is all it knows.
    private static bool Guard(CsvReader csv, Func<CsvReader, bool> step)
    {
        try
        {
            return step(csv);
        }
        catch (CsvFormatException e)
        {
            var line = e.LineNumber > 0 ? (int)Math.Min(e.LineNumber, int.MaxValue) : Math.Max(1, (int)csv.LineNumber);
            throw new ContactFormatException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Line {line}: the row that starts here is longer than {MaxRecordLength:N0} characters, or a quoted field that starts here never ends."),
                line,
                innerException: e);
        }
    }

    private static void ThrowIfUnterminated(CsvReader csv, List<CsvMalformedRecord> unterminated, CsvHeaderMap headers, bool isHeader)
    {
        if (unterminated.Count == 0)
        {
            return;
        }

        // A quote that is never closed runs to the end of the input, so the open field is the row's last one.
        var malformed = unterminated[0];
        var line = malformed.LineNumber > 0 ? (int)Math.Min(malformed.LineNumber, int.MaxValue) : Math.Max(1, (int)csv.LineNumber);
        var column = isHeader ? headers.Count : csv.FieldCount;
        var field = column >= 1 && column <= headers.Count ? headers.NameAt(column - 1) : null;
        var where = field is null or { Length: 0 }
            ? string.Create(CultureInfo.InvariantCulture, $"column {column}")
            : string.Create(CultureInfo.InvariantCulture, $"column {column} ({field})");
        throw new ContactFormatException(
            $"Line {line.ToString(CultureInfo.InvariantCulture)}: a quoted field that starts here never ends: the quote that opens {where} is not closed before the end of the file.",
            line,
            Math.Max(column, 1),
            field is { Length: > 0 } ? field : null);
    }

    private static void ThrowIfTooLong(CsvReader csv, int line, CsvHeaderMap headers)
    {
        var raw = csv.RawRecord;
        if (raw.Length <= MaxRecordLength || Encoding.UTF8.GetCharCount(raw) <= MaxRecordLength)
        {
            return;
        }

        // Name the longest field, the likely culprit.
        var longest = 0;
        for (var i = 1; i < csv.FieldCount; i++)
        {
            if (csv.GetSpan(i).Length > csv.GetSpan(longest).Length)
            {
                longest = i;
            }
        }

        var field = headers.NameAt(longest);
        throw new ContactFormatException(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Line {line}: the row that starts here is longer than {MaxRecordLength:N0} characters (its longest value is in column {longest + 1})."),
            line,
            longest + 1,
            field.Length > 0 ? field : null);
    }
}
