using System.Text;
using K7.Contacts.Formats;

namespace K7.Contacts;

/// <summary>
/// Exports a group of the contacts a user sees as Outlook CSV, Google CSV, our CSV template or vCard (the portal's
/// Export button: "Contacts to export", then "Export format").
/// </summary>
/// <remarks>
/// CSV files are written in UTF-8 with a byte-order mark, so that Excel shows accented names right; vCards in UTF-8
/// without one. Cells that a spreadsheet would run as a formula are made safe (see <see cref="ContactFiles"/>).
/// Thread-safe.
/// </remarks>
public sealed class ContactExporter
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly ContactDirectory _directory;

    /// <summary>Initializes a new instance of the <see cref="ContactExporter"/> class.</summary>
    /// <param name="directory">Where contacts come from.</param>
    public ContactExporter(ContactDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        _directory = directory;
    }

    /// <summary>Gets the file name to offer for a download (<c>contacts-favorites.csv</c>, <c>contacts-all.vcf</c>).</summary>
    /// <param name="group">The group exported.</param>
    /// <param name="format">The format.</param>
    /// <returns>The file name.</returns>
    public static string FileName(ContactGroup group, ContactFileFormat format)
    {
        var name = group switch
        {
            ContactGroup.MyContacts => "my-contacts",
            _ => group.ToString().ToLowerInvariant(),
        };
        var suffix = format switch
        {
            ContactFileFormat.OutlookCsv => "-outlook.csv",
            ContactFileFormat.GoogleCsv => "-google.csv",
            ContactFileFormat.VCard => ".vcf",
            _ => ".csv",
        };
        return "contacts-" + name + suffix;
    }

    /// <summary>Gets the media type of a format (<c>text/csv</c> or <c>text/vcard</c>, with the UTF-8 charset).</summary>
    /// <param name="format">The format.</param>
    /// <returns>The media type.</returns>
    public static string ContentType(ContactFileFormat format) =>
        format == ContactFileFormat.VCard ? "text/vcard; charset=utf-8" : "text/csv; charset=utf-8";

    /// <summary>Writes a group to a stream.</summary>
    /// <param name="viewer">The user exporting; only contacts they see are written, with their stars.</param>
    /// <param name="group">The group ("Contacts to export").</param>
    /// <param name="format">The format ("Export format").</param>
    /// <param name="output">Where the file goes; left open.</param>
    /// <param name="groupName">For sites and departments, one site or department, or <see langword="null"/> for all.</param>
    /// <param name="vCardVersion">For vCard: 3 (what Apple writes; the default) or 4.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The number of contacts written.</returns>
    public async Task<int> ExportAsync(ContactId viewer, ContactGroup group, ContactFileFormat format, Stream output, string? groupName = null, int vCardVersion = 3, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var items = _directory.GetGroup(viewer, group, groupName);
        var writer = new StreamWriter(output, format == ContactFileFormat.VCard ? Utf8NoBom : Utf8WithBom, 65536, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            ContactFiles.Write(writer, items, format, vCardVersion);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        return items.Count;
    }

    /// <summary>Writes a group as text.</summary>
    /// <param name="viewer">The user exporting.</param>
    /// <param name="group">The group.</param>
    /// <param name="format">The format.</param>
    /// <param name="groupName">For sites and departments, one site or department, or <see langword="null"/> for all.</param>
    /// <param name="vCardVersion">For vCard: 3 or 4.</param>
    /// <returns>The file's text.</returns>
    public string Export(ContactId viewer, ContactGroup group, ContactFileFormat format, string? groupName = null, int vCardVersion = 3)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        ContactFiles.Write(writer, _directory.GetGroup(viewer, group, groupName), format, vCardVersion);
        return writer.ToString();
    }
}
