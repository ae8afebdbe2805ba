using K7.Contacts.Formats;

namespace K7.Contacts;

/// <summary>What an import did.</summary>
public sealed record ContactImportResult
{
    /// <summary>Gets the file's format.</summary>
    public required ContactFileFormat Format { get; init; }

    /// <summary>Gets how many rows or cards the file held.</summary>
    public required int RowsRead { get; init; }

    /// <summary>Gets the contacts added.</summary>
    public IReadOnlyList<Contact> Added { get; init; } = [];

    /// <summary>Gets the users updated (an office manager's import matches users by extension).</summary>
    public IReadOnlyList<Contact> Updated { get; init; } = [];

    /// <summary>Gets how many rows matched an existing contact exactly, or an earlier row, and changed nothing.</summary>
    public int Unchanged { get; init; }

    /// <summary>Gets the rows skipped, each with its line, column and reason (only with <see cref="ContactImportOptions.SkipInvalidRows"/>).</summary>
    public IReadOnlyList<ContactFileError> Skipped { get; init; } = [];
}
