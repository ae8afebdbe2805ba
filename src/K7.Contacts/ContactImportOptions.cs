using System.Text;
using K7.Contacts.Formats;

namespace K7.Contacts;

/// <summary>How an import runs.</summary>
public sealed class ContactImportOptions
{
    /// <summary>Gets or sets the file's format, or <see langword="null"/> to tell it from the content.</summary>
    /// <value>Default: <see langword="null"/>.</value>
    public ContactFileFormat? Format { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether rows with problems are skipped and reported
    /// (<see cref="ContactImportResult.Skipped"/>) instead of refusing the whole file.
    /// </summary>
    /// <value>Default: <see langword="false"/>: all or nothing.</value>
    public bool SkipInvalidRows { get; set; }

    /// <summary>
    /// Gets or sets the encoding of files without a byte-order mark, or <see langword="null"/> for strict UTF-8 (a file
    /// that is not UTF-8 is refused with the line and byte).
    /// </summary>
    /// <value>Default: <see langword="null"/>.</value>
    public Encoding? Encoding { get; set; }

    /// <summary>Gets or sets where progress is reported, or <see langword="null"/>.</summary>
    /// <value>Default: <see langword="null"/>.</value>
    public IProgress<ContactImportProgress>? Progress { get; set; }
}
