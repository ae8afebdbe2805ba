namespace K7.Contacts.Formats;

/// <summary>
/// Outlook's contact CSV (<see cref="ContactFileFormat.OutlookCsv"/>), as Outlook.com and Outlook for Microsoft 365
/// export it.
/// </summary>
/// <remarks>
/// <para>
/// Read: <c>Business Phone</c> is the work number, or <c>Primary Phone</c> when <c>Business Phone</c> is empty
/// (never the extension); <c>Mobile Phone</c>, <c>Home Phone</c>; the fax is <c>Business Fax</c>, else
/// <c>Home Fax</c>, else <c>Other Fax</c>; the e-mail is <c>E-mail Address</c>, else <c>E-mail 2 Address</c>, else
/// <c>E-mail 3 Address</c>; <c>Department</c>; the site is <c>Office Location</c>; a contact is a favourite when
/// <c>Categories</c> (separated by <c>;</c>) holds <c>Favorites</c>.
/// </para>
/// <para>
/// Written: Outlook.com's columns in its order, then <c>Categories</c> (which classic Outlook reads and writes) holding
/// <c>Favorites</c> for starred contacts. Outlook has no column for an extension or the contact's type, so those are
/// not written; an extension put in a phone column would be dialled as an outside number.
/// </para>
/// </remarks>
internal sealed class CsvOutlookDialect : CsvDialect
{
    /// <summary>The category that marks a favourite.</summary>
    public const string FavoritesCategory = "Favorites";

    private static readonly string[] Columns =
    [
        "First Name", "Middle Name", "Last Name", "Title", "Suffix", "Nickname", "Given Yomi", "Surname Yomi",
        "E-mail Address", "E-mail 2 Address", "E-mail 3 Address", "Home Phone", "Home Phone 2", "Business Phone",
        "Business Phone 2", "Mobile Phone", "Car Phone", "Other Phone", "Primary Phone", "Pager", "Business Fax",
        "Home Fax", "Other Fax", "Company Main Phone", "Callback", "Radio Phone", "Telex", "TTY/TDD Phone", "IMAddress",
        "Job Title", "Department", "Company", "Office Location", "Manager's Name", "Assistant's Name",
        "Assistant's Phone", "Company Yomi", "Business Street", "Business City", "Business State",
        "Business Postal Code", "Business Country/Region", "Home Street", "Home City", "Home State", "Home Postal Code",
        "Home Country/Region", "Other Street", "Other City", "Other State", "Other Postal Code",
        "Other Country/Region", "Personal Web Page", "Spouse", "Schools", "Hobby", "Location", "Web Page", "Birthday",
        "Anniversary", "Notes", "Categories",
    ];

    private static readonly string[] Needed =
    [
        "First Name", "Last Name", "Business Phone", "Primary Phone", "Mobile Phone", "Home Phone", "Business Fax",
        "Home Fax", "Other Fax", "E-mail Address", "E-mail 2 Address", "E-mail 3 Address",
    ];

    private readonly int _firstName;
    private readonly int _lastName;
    private readonly int _email;
    private readonly int _home;
    private readonly int _business;
    private readonly int _mobile;
    private readonly int _fax;
    private readonly int _department;
    private readonly int _site;
    private readonly int _categories;

    private CsvOutlookDialect()
    {
        _firstName = Column("First Name");
        _lastName = Column("Last Name");
        _email = Column("E-mail Address");
        _home = Column("Home Phone");
        _business = Column("Business Phone");
        _mobile = Column("Mobile Phone");
        _fax = Column("Business Fax");
        _department = Column("Department");
        _site = Column("Office Location");
        _categories = Column("Categories");
    }

    /// <summary>Gets the instance.</summary>
    public static CsvOutlookDialect Instance { get; } = new();

    /// <inheritdoc/>
    public override IReadOnlyList<string> Header => Columns;

    /// <inheritdoc/>
    public override IReadOnlyList<string> NeededColumns => Needed;

    /// <inheritdoc/>
    public override Action<CsvRecordBuilder> Bind(CsvHeaderMap headers)
    {
        var firstName = headers.IndexOf("First Name");
        var lastName = headers.IndexOf("Last Name");
        int[] work = [headers.IndexOf("Business Phone"), headers.IndexOf("Primary Phone")];
        var mobile = headers.IndexOf("Mobile Phone");
        var home = headers.IndexOf("Home Phone");
        int[] fax = [headers.IndexOf("Business Fax"), headers.IndexOf("Home Fax"), headers.IndexOf("Other Fax")];
        int[] email = [headers.IndexOf("E-mail Address"), headers.IndexOf("E-mail 2 Address"), headers.IndexOf("E-mail 3 Address")];
        var department = headers.IndexOf("Department");
        var site = headers.IndexOf("Office Location");
        var categories = headers.IndexOf("Categories");
        return row =>
        {
            row.TrySet(ContactField.FirstName, firstName);
            row.TrySet(ContactField.LastName, lastName);
            foreach (var column in work)
            {
                row.TrySet(ContactField.WorkNumber, column);
            }

            row.TrySet(ContactField.MobileNumber, mobile);
            row.TrySet(ContactField.HomeNumber, home);
            foreach (var column in fax)
            {
                row.TrySet(ContactField.FaxNumber, column);
            }

            foreach (var column in email)
            {
                row.TrySet(ContactField.Email, column);
            }

            row.TrySet(ContactField.Department, department);
            row.TrySet(ContactField.Site, site);
            var categoryText = row.Cell(categories);
            if (categoryText is not null && HasFavorites(categoryText))
            {
                row.SetFavorite(true, categories);
            }
        };
    }

    /// <inheritdoc/>
    public override void Fill(string?[] cells, ContactExportItem item)
    {
        var contact = item.Contact;
        cells[_firstName] = contact.FirstName;
        cells[_lastName] = contact.LastName;
        cells[_email] = contact.Email;
        cells[_home] = contact.HomeNumber;
        cells[_business] = contact.WorkNumber;
        cells[_mobile] = contact.MobileNumber;
        cells[_fax] = contact.FaxNumber;
        cells[_department] = contact.Department;
        cells[_site] = contact.Site;
        cells[_categories] = item.IsFavorite ? FavoritesCategory : null;
    }

    private static bool HasFavorites(string categories)
    {
        foreach (var range in categories.AsSpan().Split(';'))
        {
            if (categories.AsSpan()[range].Trim().Equals(FavoritesCategory, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
