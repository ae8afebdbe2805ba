namespace K7.Contacts.Formats;

/// <summary>
/// Our own template (<see cref="ContactFileFormat.K7Csv"/>), which carries every field: names, extension, the four
/// numbers, e-mail, site, department, the contact's type (<c>Personal</c>, <c>Shared</c> or <c>User</c>) and the
/// favourite star (<c>yes</c>/<c>no</c>, also <c>true</c>/<c>false</c>/<c>1</c>/<c>0</c> when read).
/// </summary>
internal sealed class CsvK7Dialect : CsvDialect
{
    /// <summary>The header of the template.</summary>
    public const string HeaderLine = "First Name,Last Name,Extension,Work Number,Mobile Number,Home Number,Fax Number,Email,Site,Department,Type,Favorite";

    private static readonly string[] Columns = HeaderLine.Split(',');

    private static readonly string[] Needed =
        ["First Name", "Last Name", "Extension", "Work Number", "Mobile Number", "Home Number", "Fax Number", "Email"];

    // The text fields, in the order of the template's first ten columns.
    private static readonly ContactField[] TextFields =
    [
        ContactField.FirstName, ContactField.LastName, ContactField.Extension, ContactField.WorkNumber,
        ContactField.MobileNumber, ContactField.HomeNumber, ContactField.FaxNumber, ContactField.Email,
        ContactField.Site, ContactField.Department,
    ];

    private CsvK7Dialect()
    {
    }

    /// <summary>Gets the instance.</summary>
    public static CsvK7Dialect Instance { get; } = new();

    /// <inheritdoc/>
    public override IReadOnlyList<string> Header => Columns;

    /// <inheritdoc/>
    public override IReadOnlyList<string> NeededColumns => Needed;

    /// <inheritdoc/>
    public override Action<CsvRecordBuilder> Bind(CsvHeaderMap headers)
    {
        var text = new int[TextFields.Length];
        for (var i = 0; i < text.Length; i++)
        {
            text[i] = headers.IndexOf(Columns[i]);
        }

        var type = headers.IndexOf("Type");
        var favorite = headers.IndexOf("Favorite");
        return row =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                row.TrySet(TextFields[i], text[i]);
            }

            var kindText = row.Cell(type);
            if (kindText is not null)
            {
                if (TryParseKind(kindText, out var kind))
                {
                    row.SetKind(kind, type);
                }
                else
                {
                    row.AddError(type, $"'{ContactCsv.Quote(kindText)}' is not a contact type: use Personal, Shared or User, or leave it empty for a personal contact");
                }
            }

            var favoriteText = row.Cell(favorite);
            if (favoriteText is not null)
            {
                if (TryParseFlag(favoriteText, out var flag))
                {
                    row.SetFavorite(flag, favorite);
                }
                else
                {
                    row.AddError(favorite, $"'{ContactCsv.Quote(favoriteText)}' is not yes or no: use yes, no, true, false, 1 or 0, or leave it empty");
                }
            }
        };
    }

    /// <inheritdoc/>
    public override void Fill(string?[] cells, ContactExportItem item)
    {
        var contact = item.Contact;
        cells[0] = contact.FirstName;
        cells[1] = contact.LastName;
        cells[2] = contact.Extension;
        cells[3] = contact.WorkNumber;
        cells[4] = contact.MobileNumber;
        cells[5] = contact.HomeNumber;
        cells[6] = contact.FaxNumber;
        cells[7] = contact.Email;
        cells[8] = contact.Site;
        cells[9] = contact.Department;
        cells[10] = contact.Kind switch
        {
            ContactKind.Shared => "Shared",
            ContactKind.User => "User",
            _ => "Personal",
        };
        cells[11] = item.IsFavorite ? "yes" : "no";
    }

    private static bool TryParseKind(string text, out ContactKind kind)
    {
        if (text.Equals("Personal", StringComparison.OrdinalIgnoreCase))
        {
            kind = ContactKind.Personal;
            return true;
        }

        if (text.Equals("Shared", StringComparison.OrdinalIgnoreCase))
        {
            kind = ContactKind.Shared;
            return true;
        }

        if (text.Equals("User", StringComparison.OrdinalIgnoreCase))
        {
            kind = ContactKind.User;
            return true;
        }

        kind = default;
        return false;
    }

    private static bool TryParseFlag(string text, out bool value)
    {
        if (text.Equals("yes", StringComparison.OrdinalIgnoreCase) || text.Equals("true", StringComparison.OrdinalIgnoreCase) || text == "1")
        {
            value = true;
            return true;
        }

        if (text.Equals("no", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase) || text == "0")
        {
            value = false;
            return true;
        }

        value = false;
        return false;
    }
}
