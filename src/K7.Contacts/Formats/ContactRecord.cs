using System.Collections.Immutable;

namespace K7.Contacts.Formats;

/// <summary>
/// One contact as a file states it (a CSV row or a vCard), before it is checked and normalized into a
/// <see cref="Contact"/>: values are the file's text, trimmed, <see langword="null"/> when absent or empty.
/// </summary>
public sealed record ContactRecord
{
    /// <summary>Gets the one-based line where the row or card starts.</summary>
    public required int Line { get; init; }

    /// <summary>Gets the first name.</summary>
    public string? FirstName { get; init; }

    /// <summary>Gets the last name.</summary>
    public string? LastName { get; init; }

    /// <summary>Gets the extension.</summary>
    public string? Extension { get; init; }

    /// <summary>Gets the work number, as written.</summary>
    public string? WorkNumber { get; init; }

    /// <summary>Gets the mobile number, as written.</summary>
    public string? MobileNumber { get; init; }

    /// <summary>Gets the home number, as written.</summary>
    public string? HomeNumber { get; init; }

    /// <summary>Gets the fax number, as written.</summary>
    public string? FaxNumber { get; init; }

    /// <summary>Gets the e-mail address, as written.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the site.</summary>
    public string? Site { get; init; }

    /// <summary>Gets the department.</summary>
    public string? Department { get; init; }

    /// <summary>Gets the kind the file states (our template's "Type"), or <see langword="null"/> when it does not say (a personal contact).</summary>
    public ContactKind? Kind { get; init; }

    /// <summary>Gets a value indicating whether the file marks the contact as a favourite.</summary>
    public bool Favorite { get; init; }

    /// <summary>Gets where each field present was read.</summary>
    public ImmutableDictionary<ContactField, ContactFieldSource> Sources { get; init; } = ImmutableDictionary<ContactField, ContactFieldSource>.Empty;

    /// <summary>Gets the problems found while reading this row or card; a record with errors is not imported.</summary>
    public ImmutableArray<ContactFileError> Errors { get; init; } = [];

    /// <summary>Gets where a field was read, or the record's line with column 0 when the file did not carry it.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The source.</returns>
    public ContactFieldSource SourceOf(ContactField field) =>
        Sources.TryGetValue(field, out var source) ? source : new ContactFieldSource(Line, 0, field.ToString());
}
