namespace K7.Contacts.Formats;

/// <summary>
/// Reads and writes contact files: our CSV template, Outlook CSV, Google CSV and vCard (3.0 and 4.0). Use
/// <see cref="ContactImporter"/> to import a file into a <see cref="ContactDirectory"/> and
/// <see cref="ContactExporter"/> to export a group; this class is for working with files directly.
/// </summary>
/// <remarks>
/// <para>
/// Readers match CSV columns by header name, never by position, and yield one <see cref="ContactRecord"/> per row or
/// card with the file's text (not yet normalized); a row's problems are in <see cref="ContactRecord.Errors"/>, each
/// naming its line and column. Problems that make the rest of a file unreadable (a quote that never closes, a card
/// that never ends, a missing header) throw <see cref="ContactFormatException"/> with the line and column.
/// </para>
/// <para>
/// Writers make every cell safe for spreadsheets: a cell starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab
/// or a carriage return is written with a leading <c>'</c>, which the CSV readers remove again, so export then import
/// gives back every field the format carries. What each format carries is in <c>docs/contacts.md</c>.
/// </para>
/// </remarks>
public static class ContactFiles
{
    /// <summary>Gets the header line of our CSV template (the portal's "Download Template").</summary>
    public static string TemplateHeader => ContactCsv.TemplateHeader;

    /// <summary>Tells the format of a file from its beginning.</summary>
    /// <param name="text">The file's text (the first line is enough for CSV; a vCard starts with <c>BEGIN:VCARD</c>).</param>
    /// <returns>The format, or <see langword="null"/> when it is none of them.</returns>
    public static ContactFileFormat? Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = text.AsSpan().TrimStart();
        if (start.StartsWith("BEGIN:VCARD", StringComparison.OrdinalIgnoreCase))
        {
            return ContactFileFormat.VCard;
        }

        var end = start.IndexOfAny('\r', '\n');
        return ContactCsv.Detect((end < 0 ? start : start[..end]).ToString());
    }

    /// <summary>Reads every row or card of a file.</summary>
    /// <param name="reader">The file's text.</param>
    /// <param name="format">The file's format.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records, read lazily.</returns>
    /// <exception cref="ContactFormatException">The file cannot be read past some point (thrown while enumerating).</exception>
    public static IEnumerable<ContactRecord> Read(TextReader reader, ContactFileFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return format switch
        {
            ContactFileFormat.VCard => VCard.Read(reader, cancellationToken),
            ContactFileFormat.K7Csv or ContactFileFormat.OutlookCsv or ContactFileFormat.GoogleCsv => ContactCsv.Read(reader, format, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown contact file format."),
        };
    }

    /// <summary>Writes contacts to a file.</summary>
    /// <param name="writer">Where the text goes (the caller chooses the encoding; UTF-8 is what every product reads).</param>
    /// <param name="items">The contacts, with the exporting user's stars.</param>
    /// <param name="format">The format.</param>
    /// <param name="vCardVersion">For <see cref="ContactFileFormat.VCard"/>: 3 (what Apple writes; the default) or 4 (RFC 6350).</param>
    public static void Write(TextWriter writer, IEnumerable<ContactExportItem> items, ContactFileFormat format, int vCardVersion = 3)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(items);
        switch (format)
        {
            case ContactFileFormat.VCard:
                VCard.Write(writer, items, vCardVersion);
                break;
            case ContactFileFormat.K7Csv or ContactFileFormat.OutlookCsv or ContactFileFormat.GoogleCsv:
                ContactCsv.Write(writer, items, format);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown contact file format.");
        }
    }
}
