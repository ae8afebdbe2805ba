namespace K7.Contacts.Formats;

/// <summary>Where a field's value was read in a contact file, for error messages.</summary>
/// <param name="Line">The one-based line.</param>
/// <param name="Column">The one-based CSV column number, or 1 for a vCard property line.</param>
/// <param name="Name">The CSV column header (<c>Mobile Phone</c>) or vCard property name (<c>TEL</c>).</param>
public readonly record struct ContactFieldSource(int Line, int Column, string Name);
