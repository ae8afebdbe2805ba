using System.Collections.Immutable;
using System.Globalization;

namespace K7.Contacts.Formats;

/// <summary>
/// Builds the <see cref="ContactRecord"/> of one CSV row: reads cells by column (trimmed, formula escape removed,
/// empty as <see langword="null"/>), remembers where each field came from, and collects the row's errors.
/// </summary>
internal sealed class CsvRecordBuilder
{
    private const int TextFieldCount = (int)ContactField.Department + 1;

    private readonly int _line;
    private readonly string?[] _cells;
    private readonly CsvHeaderMap _headers;
    private readonly string?[] _values = new string?[TextFieldCount];
    private readonly ImmutableDictionary<ContactField, ContactFieldSource>.Builder _sources =
        ImmutableDictionary.CreateBuilder<ContactField, ContactFieldSource>();

    private readonly ImmutableArray<ContactFileError>.Builder _errors = ImmutableArray.CreateBuilder<ContactFileError>();
    private readonly HashSet<int> _reportedColumns = [];
    private ContactKind? _kind;
    private bool _favorite;

    /// <summary>Initializes a new instance of the <see cref="CsvRecordBuilder"/> class.</summary>
    /// <param name="line">The one-based line where the row starts.</param>
    /// <param name="cells">The row's cells as read, one per header column (missing cells <see langword="null"/>).</param>
    /// <param name="headers">The header row.</param>
    public CsvRecordBuilder(int line, string?[] cells, CsvHeaderMap headers)
    {
        _line = line;
        _cells = cells;
        _headers = headers;
    }

    /// <summary>Gets the value of a cell: trimmed, without the formula escape, <see langword="null"/> when empty.</summary>
    /// <param name="column">The zero-based column index, or -1 for a column the file does not have.</param>
    /// <returns>The value, or <see langword="null"/> when empty, absent or too long (a row error is then recorded).</returns>
    public string? Cell(int column)
    {
        if ((uint)column >= (uint)_cells.Length)
        {
            return null;
        }

        var value = ContactCsv.CleanCell(_cells[column]);
        if (value is not null && value.Length > ContactCsv.MaxFieldLength)
        {
            if (_reportedColumns.Add(column))
            {
                AddError(column, string.Create(
                    CultureInfo.InvariantCulture,
                    $"the value is {value.Length:N0} characters long; the longest accepted is {ContactCsv.MaxFieldLength:N0}"));
            }

            return null;
        }

        return value;
    }

    /// <summary>Gets a value indicating whether a text field has been set.</summary>
    /// <param name="field">The field, <see cref="ContactField.FirstName"/> to <see cref="ContactField.Department"/>.</param>
    /// <returns><see langword="true"/> when set.</returns>
    public bool IsSet(ContactField field) => _values[(int)field] is not null;

    /// <summary>Sets a text field from a column, unless it is already set or the cell is empty.</summary>
    /// <param name="field">The field, <see cref="ContactField.FirstName"/> to <see cref="ContactField.Department"/>.</param>
    /// <param name="column">The zero-based column index, or -1.</param>
    /// <returns><see langword="true"/> when the field was set.</returns>
    public bool TrySet(ContactField field, int column)
    {
        if (IsSet(field))
        {
            return false;
        }

        var value = Cell(column);
        if (value is null)
        {
            return false;
        }

        Set(field, value, column);
        return true;
    }

    /// <summary>Sets a text field to a value read from a column (a part of the cell, for multi-value cells).</summary>
    /// <param name="field">The field, <see cref="ContactField.FirstName"/> to <see cref="ContactField.Department"/>.</param>
    /// <param name="value">The value, trimmed and not empty.</param>
    /// <param name="column">The zero-based column index.</param>
    public void Set(ContactField field, string value, int column)
    {
        _values[(int)field] = value;
        _sources[field] = Source(column);
    }

    /// <summary>Sets the kind read from a column.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="column">The zero-based column index.</param>
    public void SetKind(ContactKind kind, int column)
    {
        _kind = kind;
        _sources[ContactField.Kind] = Source(column);
    }

    /// <summary>Sets the favourite star read from a column.</summary>
    /// <param name="favorite">Whether the contact is a favourite.</param>
    /// <param name="column">The zero-based column index.</param>
    public void SetFavorite(bool favorite, int column)
    {
        _favorite = favorite;
        _sources[ContactField.Favorite] = Source(column);
    }

    /// <summary>Records a problem with a cell.</summary>
    /// <param name="column">The zero-based column index.</param>
    /// <param name="message">What is wrong.</param>
    public void AddError(int column, string message) =>
        _errors.Add(new ContactFileError(_line, column + 1, _headers.NameAt(column), message));

    /// <summary>Creates the record.</summary>
    /// <returns>The record.</returns>
    public ContactRecord Build() => new()
    {
        Line = _line,
        FirstName = _values[(int)ContactField.FirstName],
        LastName = _values[(int)ContactField.LastName],
        Extension = _values[(int)ContactField.Extension],
        WorkNumber = _values[(int)ContactField.WorkNumber],
        MobileNumber = _values[(int)ContactField.MobileNumber],
        HomeNumber = _values[(int)ContactField.HomeNumber],
        FaxNumber = _values[(int)ContactField.FaxNumber],
        Email = _values[(int)ContactField.Email],
        Site = _values[(int)ContactField.Site],
        Department = _values[(int)ContactField.Department],
        Kind = _kind,
        Favorite = _favorite,
        Sources = _sources.ToImmutable(),
        Errors = _errors.ToImmutable(),
    };

    private ContactFieldSource Source(int column) => new(_line, column + 1, _headers.NameAt(column));
}
