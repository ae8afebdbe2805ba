namespace K7.Contacts.Formats;

/// <summary>A contact to write to a file, with the exporting user's star.</summary>
/// <param name="Contact">The contact.</param>
/// <param name="IsFavorite">Whether the exporting user starred it.</param>
public readonly record struct ContactExportItem(Contact Contact, bool IsFavorite);
