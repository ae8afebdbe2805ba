namespace K7.Contacts.Formats;

/// <summary>
/// Google Contacts' CSV (<see cref="ContactFileFormat.GoogleCsv"/>): the current format (<c>First Name</c>,
/// <c>Labels</c>, <c>Phone 1 - Label</c>/<c>Phone 1 - Value</c>) and, when read, the legacy one (<c>Given Name</c>,
/// <c>Family Name</c>, <c>Group Membership</c>, <c>Phone 1 - Type</c>/<c>Phone 1 - Value</c>).
/// </summary>
/// <remarks>
/// <para>
/// Read: the names are <c>First Name</c>/<c>Last Name</c> (legacy <c>Given Name</c>/<c>Family Name</c>; a legacy
/// <c>Name</c> alone becomes the first name). Phones are taken in number order by label, ignoring case and Google's
/// <c>*</c> primary mark: the first <c>Work</c> is the work number, the first <c>Mobile</c> (or <c>Cell</c>) the mobile,
/// the first <c>Home</c> the home number, the first label holding <c>Fax</c> (<c>Work Fax</c>, <c>Home Fax</c>,
/// <c>Fax</c>) the fax; then a <c>Main</c> or unlabelled phone is the work number when there is none yet. Other labels
/// (<c>Other</c>, <c>Pager</c>, custom text) are ignored. The e-mail is the first <c>E-mail n - Value</c>. A value
/// may hold several entries separated by <c> ::: </c>: the first is taken and the others are ignored (names,
/// department and site are never split). The department
/// is <c>Organization Department</c> (legacy <c>Organization 1 - Department</c>), the site the legacy
/// <c>Organization 1 - Location</c>. A contact is a favourite when <c>Labels</c> (legacy <c>Group Membership</c>)
/// holds <c>starred</c> or <c>Favorites</c>.
/// </para>
/// <para>
/// Written: the current format, with phones labelled <c>Work</c>, <c>Mobile</c>, <c>Home</c> and <c>Work Fax</c>,
/// the e-mail labelled <c>Work</c>, and <c>* myContacts ::: * starred</c> in <c>Labels</c> for favourites. Google has
/// no field for an extension, a site or the contact's type, so those are not written.
/// </para>
/// </remarks>
internal sealed class CsvGoogleDialect : CsvDialect
{
    /// <summary>Google's separator between the values of a multi-value cell.</summary>
    public const string MultiValueSeparator = " ::: ";

    private static readonly string[] Columns =
    [
        "First Name", "Middle Name", "Last Name", "Phonetic First Name", "Phonetic Middle Name", "Phonetic Last Name",
        "Name Prefix", "Name Suffix", "Nickname", "File As", "Organization Name", "Organization Title",
        "Organization Department", "Birthday", "Notes", "Photo", "Labels", "E-mail 1 - Label", "E-mail 1 - Value",
        "Phone 1 - Label", "Phone 1 - Value", "Phone 2 - Label", "Phone 2 - Value", "Phone 3 - Label", "Phone 3 - Value",
        "Phone 4 - Label", "Phone 4 - Value",
    ];

    private static readonly string[] Needed =
        ["First Name", "Last Name", "Given Name", "Family Name", "Name", "Phone n - Value", "E-mail n - Value"];

    private static readonly string[] NameColumns = ["First Name", "Last Name", "Given Name", "Family Name", "Name"];

    private static readonly string[] LabelSuffixes = ["Label", "Type"];

    private readonly int _firstName;
    private readonly int _lastName;
    private readonly int _department;
    private readonly int _labels;
    private readonly int _emailLabel;
    private readonly int _firstPhoneLabel;

    private CsvGoogleDialect()
    {
        _firstName = Column("First Name");
        _lastName = Column("Last Name");
        _department = Column("Organization Department");
        _labels = Column("Labels");
        _emailLabel = Column("E-mail 1 - Label");
        _firstPhoneLabel = Column("Phone 1 - Label");
    }

    /// <summary>Gets the instance.</summary>
    public static CsvGoogleDialect Instance { get; } = new();

    /// <inheritdoc/>
    public override IReadOnlyList<string> Header => Columns;

    /// <inheritdoc/>
    public override IReadOnlyList<string> NeededColumns => Needed;

    /// <inheritdoc/>
    public override bool HasNeededColumns(CsvHeaderMap headers) =>
        headers.ContainsAny(NameColumns)
        || headers.ContainsNumbered("Phone", "Value")
        || headers.ContainsNumbered("E-mail", "Value");

    /// <summary>Gets the first entry of a multi-value cell.</summary>
    /// <param name="value">The cell's value, trimmed.</param>
    /// <returns>The first non-empty entry, trimmed, or <see langword="null"/>.</returns>
    public static string? FirstValue(string? value)
    {
        if (value is null || !value.Contains(":::", StringComparison.Ordinal))
        {
            return value;
        }

        foreach (var part in value.Split(":::", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            return part;
        }

        return null;
    }

    /// <inheritdoc/>
    public override Action<CsvRecordBuilder> Bind(CsvHeaderMap headers)
    {
        int[] firstName = [headers.IndexOf("First Name"), headers.IndexOf("Given Name")];
        int[] lastName = [headers.IndexOf("Last Name"), headers.IndexOf("Family Name")];
        var name = headers.IndexOf("Name");
        int[] department = [headers.IndexOf("Organization Department"), headers.IndexOf("Organization 1 - Department")];
        int[] site = [headers.IndexOf("Organization Location"), headers.IndexOf("Organization 1 - Location")];
        int[] labels = [headers.IndexOf("Labels"), headers.IndexOf("Group Membership")];
        var emails = headers.NumberedGroups("E-mail", "Value", LabelSuffixes);
        var phones = headers.NumberedGroups("Phone", "Value", LabelSuffixes);
        return row =>
        {
            foreach (var column in firstName)
            {
                row.TrySet(ContactField.FirstName, column);
            }

            foreach (var column in lastName)
            {
                row.TrySet(ContactField.LastName, column);
            }

            if (!row.IsSet(ContactField.FirstName) && !row.IsSet(ContactField.LastName))
            {
                row.TrySet(ContactField.FirstName, name);
            }

            ReadPhones(row, phones);
            foreach (var (value, _) in emails)
            {
                SetFirstValue(row, ContactField.Email, value);
            }

            foreach (var column in department)
            {
                row.TrySet(ContactField.Department, column);
            }

            foreach (var column in site)
            {
                row.TrySet(ContactField.Site, column);
            }

            foreach (var column in labels)
            {
                if (IsStarred(row.Cell(column)))
                {
                    row.SetFavorite(true, column);
                    break;
                }
            }
        };
    }

    /// <inheritdoc/>
    public override void Fill(string?[] cells, ContactExportItem item)
    {
        var contact = item.Contact;
        cells[_firstName] = contact.FirstName;
        cells[_lastName] = contact.LastName;
        cells[_department] = contact.Department;
        cells[_labels] = item.IsFavorite ? "* myContacts" + MultiValueSeparator + "* starred" : "* myContacts";
        if (contact.Email is not null)
        {
            cells[_emailLabel] = "Work";
            cells[_emailLabel + 1] = contact.Email;
        }

        var slot = _firstPhoneLabel;
        foreach (var (label, number) in (ReadOnlySpan<(string, string?)>)
            [("Work", contact.WorkNumber), ("Mobile", contact.MobileNumber), ("Home", contact.HomeNumber), ("Work Fax", contact.FaxNumber)])
        {
            if (number is not null)
            {
                cells[slot] = label;
                cells[slot + 1] = number;
                slot += 2;
            }
        }
    }

    private static void ReadPhones(CsvRecordBuilder row, List<(int Value, int Label)> phones)
    {
        var mainOrUnlabelled = -1;
        foreach (var (value, labelColumn) in phones)
        {
            var number = FirstValue(row.Cell(value));
            if (number is null)
            {
                continue;
            }

            var label = (row.Cell(labelColumn) ?? string.Empty).TrimStart('*').Trim();
            ContactField? field =
                label.Equals("Work", StringComparison.OrdinalIgnoreCase) ? ContactField.WorkNumber
                : label.Equals("Mobile", StringComparison.OrdinalIgnoreCase) || label.Equals("Cell", StringComparison.OrdinalIgnoreCase) ? ContactField.MobileNumber
                : label.Equals("Home", StringComparison.OrdinalIgnoreCase) ? ContactField.HomeNumber
                : label.Contains("Fax", StringComparison.OrdinalIgnoreCase) ? ContactField.FaxNumber
                : null;
            if (field is { } known)
            {
                if (!row.IsSet(known))
                {
                    row.Set(known, number, value);
                }
            }
            else if (mainOrUnlabelled < 0 && (label.Length == 0 || label.Equals("Main", StringComparison.OrdinalIgnoreCase)))
            {
                mainOrUnlabelled = value;
            }
        }

        if (mainOrUnlabelled >= 0 && !row.IsSet(ContactField.WorkNumber))
        {
            row.Set(ContactField.WorkNumber, FirstValue(row.Cell(mainOrUnlabelled))!, mainOrUnlabelled);
        }
    }

    private static void SetFirstValue(CsvRecordBuilder row, ContactField field, int column)
    {
        if (row.IsSet(field))
        {
            return;
        }

        var value = FirstValue(row.Cell(column));
        if (value is not null)
        {
            row.Set(field, value, column);
        }
    }

    private static bool IsStarred(string? labels)
    {
        if (labels is null)
        {
            return false;
        }

        foreach (var label in labels.Split(":::", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var name = label.TrimStart('*').Trim();
            if (name.Equals("starred", StringComparison.OrdinalIgnoreCase) || name.Equals("Favorites", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
