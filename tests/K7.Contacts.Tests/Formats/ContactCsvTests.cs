using System.Text;
using K7.Contacts.Formats;

namespace K7.Contacts.Tests.Formats;

public sealed class ContactCsvTests
{
    private const string OutlookHeaderStart = "First Name,Middle Name,Last Name,Title,Suffix,Nickname,Given Yomi,Surname Yomi,E-mail Address";

    // ---- Outlook ------------------------------------------------------------------------------------------------

    [Fact]
    public void Read_OutlookExport_MapsBusinessPhoneMobileEmailDepartmentSiteAndFavorite()
    {
        var jose = ReadFixture("outlook-export.csv", ContactFileFormat.OutlookCsv)[0];

        Assert.Equal(2, jose.Line);
        Assert.Equal("José", jose.FirstName);
        Assert.Equal("Müller", jose.LastName);
        Assert.Equal("+1 (555) 123-1111", jose.WorkNumber);
        Assert.Equal("+1 555 987 6543", jose.MobileNumber);
        Assert.Equal("jose.muller@example.com", jose.Email);
        Assert.Equal("Sales", jose.Department);
        Assert.Equal("Boston", jose.Site);
        Assert.True(jose.Favorite);
        Assert.Null(jose.Extension);
        Assert.Null(jose.Kind);
        Assert.Empty(jose.Errors);
        Assert.Equal(new ContactFieldSource(2, 14, "Business Phone"), jose.SourceOf(ContactField.WorkNumber));
        Assert.Equal(new ContactFieldSource(2, 62, "Categories"), jose.SourceOf(ContactField.Favorite));
    }

    [Fact]
    public void Read_OutlookPrimaryPhoneOnly_PrimaryPhoneIsWorkNumberNotExtension()
    {
        var ellen = ReadFixture("outlook-export.csv", ContactFileFormat.OutlookCsv)[1];

        Assert.Equal("Ellen", ellen.FirstName);
        Assert.Equal("555-123-2222", ellen.WorkNumber);
        Assert.Null(ellen.Extension);
        Assert.Equal(new ContactFieldSource(3, 19, "Primary Phone"), ellen.SourceOf(ContactField.WorkNumber));
    }

    [Fact]
    public void Read_OutlookBusinessAndPrimaryPhone_BusinessPhoneWins()
    {
        var tim = ReadFixture("outlook-export.csv", ContactFileFormat.OutlookCsv)[2];

        Assert.Equal("555-123-3333", tim.WorkNumber);
    }

    [Fact]
    public void Read_OutlookFaxColumns_BusinessFaxThenHomeFaxThenOtherFax()
    {
        var records = ReadFixture("outlook-export.csv", ContactFileFormat.OutlookCsv);
        var all = Read(
            "First Name,Business Fax,Home Fax,Other Fax\r\nA,111,222,333\r\nB,,222,333\r\nC,,,333\r\n",
            ContactFileFormat.OutlookCsv);

        Assert.Equal("555-123-5555", records[2].FaxNumber); // Home Fax beats Other Fax
        Assert.Equal("555-123-8888", records[3].FaxNumber); // Other Fax alone
        Assert.Equal(["111", "222", "333"], all.Select(r => r.FaxNumber));
    }

    [Fact]
    public void Read_OutlookQuotedMultiLineFields_LineIsWhereTheRowStarts()
    {
        var records = ReadFixture("outlook-export.csv", ContactFileFormat.OutlookCsv);

        Assert.Equal([2, 3, 5, 7], records.Select(r => r.Line));
        Assert.Equal("Maggie", records[3].FirstName);
    }

    [Fact]
    public void Read_OutlookCategoriesWithoutFavorites_NotFavorite()
    {
        var maggie = ReadFixture("outlook-export.csv", ContactFileFormat.OutlookCsv)[3];

        Assert.False(maggie.Favorite);
        Assert.Equal("555-123-7777", maggie.HomeNumber);
        Assert.Equal("maggie@example.org", maggie.Email); // E-mail 2 Address when E-mail Address is empty
    }

    [Fact]
    public void Read_OutlookCategoriesSeparatedBySemicolons_FindsFavoritesIgnoringCase()
    {
        var records = Read(
            "First Name,Categories\r\nA,Clients; favorites ;VIP\r\nB,My Favorites\r\n",
            ContactFileFormat.OutlookCsv);

        Assert.True(records[0].Favorite);
        Assert.False(records[1].Favorite);
    }

    // ---- Google -------------------------------------------------------------------------------------------------

    [Fact]
    public void Read_GoogleExport_MapsPhoneLabelsEmailDepartmentAndStarred()
    {
        var suzanne = ReadFixture("google-export.csv", ContactFileFormat.GoogleCsv)[0];

        Assert.Equal(2, suzanne.Line);
        Assert.Equal("Suzanne", suzanne.FirstName);
        Assert.Equal("May", suzanne.LastName);
        Assert.Equal("+1 555-123-0000", suzanne.WorkNumber);
        Assert.Equal("+1 555-123-9999", suzanne.FaxNumber);
        Assert.Equal("Support", suzanne.Department);
        Assert.True(suzanne.Favorite);
        Assert.Null(suzanne.Site);
        Assert.Equal(new ContactFieldSource(2, 27, "Phone 3 - Value"), suzanne.SourceOf(ContactField.WorkNumber));
    }

    [Fact]
    public void Read_GoogleMultiValueCells_TakesTheFirstValue()
    {
        var suzanne = ReadFixture("google-export.csv", ContactFileFormat.GoogleCsv)[0];

        Assert.Equal("+1 555-123-7777", suzanne.MobileNumber);
        Assert.Equal("suzanne@example.com", suzanne.Email);
    }

    [Fact]
    public void Read_GoogleMainLabel_IsWorkNumberWhenThereIsNoWorkPhone()
    {
        var tim = ReadFixture("google-export.csv", ContactFileFormat.GoogleCsv)[1];

        Assert.Equal("555-0100", tim.WorkNumber);
        Assert.Equal("555-0101", tim.HomeNumber);
        Assert.False(tim.Favorite);
    }

    [Fact]
    public void Read_GoogleUnlabelledPhoneAndWorkPhone_WorkLabelWinsAndPagerIgnored()
    {
        var records = ReadFixture("google-export.csv", ContactFileFormat.GoogleCsv);
        var zoe = records[2];

        Assert.Equal(7, zoe.Line); // Tim's notes and address span lines 3 to 6
        Assert.Equal("Zoë", zoe.FirstName);
        Assert.Equal("O'Brien", zoe.LastName);
        Assert.Equal("555-0201", zoe.WorkNumber);
        Assert.Null(zoe.MobileNumber);
        Assert.Null(zoe.HomeNumber);
        Assert.True(zoe.Favorite); // the "Favorites" label
    }

    [Fact]
    public void Read_GoogleLabelsCaseAndPrimaryMark_Ignored()
    {
        var records = Read(
            "First Name,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value,Phone 3 - Label,Phone 3 - Value,Phone 4 - Label,Phone 4 - Value\r\n"
            + "A,* MOBILE,1,home fax,2,Main,3,CustomThing,4\r\n"
            + "B,Main,5,work,6,Other,7,,\r\n",
            ContactFileFormat.GoogleCsv);

        Assert.Equal(("1", "2", "3"), (records[0].MobileNumber, records[0].FaxNumber, records[0].WorkNumber));
        Assert.Equal("6", records[1].WorkNumber);
        Assert.Null(records[1].MobileNumber);
    }

    [Fact]
    public void Read_GoogleLegacy_MapsGivenFamilyPhoneTypesOrganizationAndGroupMembership()
    {
        var maggie = ReadFixture("google-legacy.csv", ContactFileFormat.GoogleCsv)[0];

        Assert.Equal("Maggie", maggie.FirstName);
        Assert.Equal("Matthews", maggie.LastName);
        Assert.Equal("(555) 123-4567", maggie.MobileNumber);
        Assert.Equal("555 123 7654", maggie.WorkNumber);
        Assert.Equal("maggie@example.com", maggie.Email);
        Assert.Equal("Finance", maggie.Department);
        Assert.Equal("Chicago", maggie.Site);
        Assert.True(maggie.Favorite);
    }

    [Fact]
    public void Read_GoogleLegacyNameOnly_NameIsFirstNameAndOtherPhoneIgnored()
    {
        var prince = ReadFixture("google-legacy.csv", ContactFileFormat.GoogleCsv)[1];

        Assert.Equal(3, prince.Line);
        Assert.Equal("Prince", prince.FirstName);
        Assert.Null(prince.LastName);
        Assert.Null(prince.WorkNumber);
        Assert.Equal("555-0301", prince.FaxNumber);
        Assert.False(prince.Favorite);
    }

    // ---- K7 template --------------------------------------------------------------------------------------------

    [Fact]
    public void TemplateHeader_IsTheK7Header()
    {
        Assert.Equal(
            "First Name,Last Name,Extension,Work Number,Mobile Number,Home Number,Fax Number,Email,Site,Department,Type,Favorite",
            ContactCsv.TemplateHeader);
    }

    [Fact]
    public void Read_K7Template_ReadsEveryField()
    {
        var tim = ReadFixture("k7-template.csv", ContactFileFormat.K7Csv)[0];

        Assert.Equal(
            new ContactRecord
            {
                Line = 2,
                FirstName = "Tim",
                LastName = "Garcia",
                Extension = "201",
                WorkNumber = "+15551231111",
                Email = "tim@example.com",
                Site = "Boston",
                Department = "Sales",
                Kind = ContactKind.User,
                Favorite = true,
            },
            tim with { Sources = ImmutableDictionaryOf(), Errors = [] });
        Assert.Equal(9, tim.Sources.Count); // seven text fields, type and favourite
        Assert.Equal(new ContactFieldSource(2, 11, "Type"), tim.SourceOf(ContactField.Kind));
    }

    [Fact]
    public void Read_K7TypeAndFavorite_CaseInsensitiveAndEmptyMeansUnset()
    {
        var records = ReadFixture("k7-template.csv", ContactFileFormat.K7Csv);

        Assert.Equal((ContactKind?)ContactKind.Shared, records[1].Kind);
        Assert.False(records[1].Favorite);
        Assert.Equal((ContactKind?)ContactKind.Personal, records[2].Kind);
        Assert.Null(records[3].Kind);
        Assert.True(records[3].Favorite);
        Assert.Equal("Müller, José", records[3].FirstName);
        Assert.Equal("\"Joe\"", records[3].LastName);
    }

    [Fact]
    public void Read_K7InvalidTypeAndFavorite_RowErrorsNameTheColumns()
    {
        var bad = ReadFixture("k7-template.csv", ContactFileFormat.K7Csv)[4];

        Assert.Equal(6, bad.Line);
        Assert.Equal("Bad", bad.FirstName);
        Assert.Null(bad.Kind);
        Assert.Collection(
            bad.Errors,
            e => Assert.Equal((6, 11, "Type"), (e.Line, e.Column, e.Field)),
            e => Assert.Equal((6, 12, "Favorite"), (e.Line, e.Column, e.Field)));
        Assert.Contains("Robot", bad.Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("Yes", true)]
    [InlineData("NO", false)]
    [InlineData("false", false)]
    [InlineData("", false)]
    public void Read_K7FavoriteValues_Accepted(string text, bool expected)
    {
        var record = Assert.Single(Read($"First Name,Favorite\r\nA,{text}\r\n", ContactFileFormat.K7Csv));

        Assert.Equal(expected, record.Favorite);
        Assert.Empty(record.Errors);
    }

    // ---- Columns, rows and lines --------------------------------------------------------------------------------

    [Fact]
    public void Read_ColumnsShuffledWithOddCaseAndSpaces_MatchedByName()
    {
        var record = Assert.Single(Read(
            " favorite ,EMAIL,  Work number,last name,First NAME ,Unknown Column\r\nyes, a@example.com ,201,  Green ,Ellen,zzz\r\n",
            ContactFileFormat.K7Csv));

        Assert.Equal(("Ellen", "Green", "201", "a@example.com", true), (record.FirstName, record.LastName, record.WorkNumber, record.Email, record.Favorite));
        Assert.Equal(new ContactFieldSource(2, 4, "last name"), record.SourceOf(ContactField.LastName));
    }

    [Fact]
    public void Read_DuplicateHeader_FirstColumnWins()
    {
        var record = Assert.Single(Read("First Name,Last Name,first name\r\nEllen,Green,Other\r\n", ContactFileFormat.K7Csv));

        Assert.Equal("Ellen", record.FirstName);
    }

    [Fact]
    public void Read_RowsShorterOrLongerThanHeader_MissingCellsEmptyExtraCellsIgnored()
    {
        var records = Read("First Name,Last Name,Email\r\nEllen\r\nTim,Garcia,t@example.com,extra,\r\n", ContactFileFormat.K7Csv);

        Assert.Equal(("Ellen", null, null), (records[0].FirstName, records[0].LastName, records[0].Email));
        Assert.Equal("t@example.com", records[1].Email);
        Assert.All(records, r => Assert.Empty(r.Errors));
    }

    [Fact]
    public void Read_BlankLinesAndEmptyRows_SkippedAndLinesStillCounted()
    {
        var records = Read("First Name,Last Name\r\n\r\nEllen,Green\r\n,\r\n  ,  \r\n\r\nTim,Garcia", ContactFileFormat.K7Csv);

        Assert.Equal([3, 7], records.Select(r => r.Line));
    }

    [Fact]
    public void Read_HeaderOnly_NoRecords()
    {
        Assert.Empty(Read(ContactCsv.TemplateHeader + "\r\n", ContactFileFormat.K7Csv));
    }

    [Fact]
    public void Read_EmptyValues_AreNull()
    {
        var record = Assert.Single(Read("First Name,Last Name,Work Number\r\n Ellen ,\"  \",\r\n", ContactFileFormat.K7Csv));

        Assert.Equal("Ellen", record.FirstName);
        Assert.Null(record.LastName);
        Assert.Null(record.WorkNumber);
        Assert.False(record.Sources.ContainsKey(ContactField.LastName));
    }

    [Fact]
    public void Read_MissingColumns_ThrowsAtLineOneListingWhatWasExpected()
    {
        var e = Assert.Throws<ContactFormatException>(() => ReadFixture("missing-columns.csv", ContactFileFormat.OutlookCsv));

        Assert.Equal(1, e.Line);
        Assert.Contains("First Name", e.Message, StringComparison.Ordinal);
        Assert.Contains("Business Phone", e.Message, StringComparison.Ordinal);
        Assert.Contains("E-mail Address", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ContactFileFormat.K7Csv)]
    [InlineData(ContactFileFormat.OutlookCsv)]
    [InlineData(ContactFileFormat.GoogleCsv)]
    public void Read_EmptyFile_ThrowsAtLineOne(ContactFileFormat format)
    {
        var e = Assert.Throws<ContactFormatException>(() => Read(string.Empty, format));

        Assert.Equal(1, e.Line);
        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GoogleNumberedPhoneColumnOnly_IsEnough()
    {
        var record = Assert.Single(Read("Phone 1 - Value\r\n555-0100\r\n", ContactFileFormat.GoogleCsv));

        Assert.Equal("555-0100", record.WorkNumber);
    }

    [Fact]
    public void Read_UnclosedQuote_ThrowsNamingTheLineAndColumnWhereItStarts()
    {
        var e = Assert.Throws<ContactFormatException>(() => ReadFixture("broken-quote.csv", ContactFileFormat.K7Csv));

        Assert.Equal(3, e.Line);
        Assert.Equal(2, e.Column);
        Assert.Equal("Last Name", e.Field);
        Assert.Contains("never ends", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnclosedQuote_RowsBeforeItAreReturnedFirst()
    {
        using var reader = OpenFixture("broken-quote.csv");
        var seen = new List<ContactRecord>();

        Assert.Throws<ContactFormatException>(() =>
        {
            foreach (var record in ContactCsv.Read(reader, ContactFileFormat.K7Csv))
            {
                seen.Add(record);
            }
        });
        Assert.Equal("Tim", Assert.Single(seen).FirstName);
    }

    [Fact]
    public void Read_UnclosedQuoteBeforeMegabytesOfText_ThrowsNamingTheLine()
    {
        var text = new StringBuilder("First Name,Last Name\r\nTim,Garcia\r\nEllen,\"Green\r\n");
        for (var i = 0; i < 40_000; i++)
        {
            text.Append("Someone,Else\r\n");
        }

        var e = Assert.Throws<ContactFormatException>(() => Read(text.ToString(), ContactFileFormat.K7Csv));

        Assert.Equal(3, e.Line);
        Assert.Contains("never ends", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RowLongerThanLimit_ThrowsNamingLineAndColumn()
    {
        var huge = new string('x', ContactCsv.MaxRecordLength + 10);
        var text = $"First Name,Last Name,Email\r\nTim,Garcia,t@example.com\r\nEllen,\"{huge}\",e@example.com\r\nMaggie,Matthews,\r\n";

        var e = Assert.Throws<ContactFormatException>(() => Read(text, ContactFileFormat.K7Csv));

        Assert.Equal(3, e.Line);
        Assert.Equal(2, e.Column);
        Assert.Equal("Last Name", e.Field);
    }

    [Fact]
    public void Read_FieldLongerThanLimit_RowErrorNamesLineAndColumn()
    {
        var text = $"First Name,Last Name\r\nTim,Garcia\r\nEllen,{new string('y', ContactCsv.MaxFieldLength + 1)}\r\nMaggie,Matthews\r\n";

        var records = Read(text, ContactFileFormat.K7Csv);

        Assert.Equal(3, records.Count);
        var ellen = records[1];
        Assert.Null(ellen.LastName);
        var error = Assert.Single(ellen.Errors);
        Assert.Equal((3, 2, "Last Name"), (error.Line, error.Column, error.Field));
        Assert.Empty(records[2].Errors);
    }

    [Fact]
    public void Read_FieldOfExactlyTheLimit_Accepted()
    {
        var value = new string('y', ContactCsv.MaxFieldLength);

        var record = Assert.Single(Read($"First Name\r\n{value}\r\n", ContactFileFormat.K7Csv));

        Assert.Equal(value, record.FirstName);
    }

    [Fact]
    public void Read_NotACsvFormat_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => ContactCsv.Read(new StringReader("a"), ContactFileFormat.VCard));
        Assert.Throws<ArgumentException>(() => ContactCsv.Write(new StringWriter(), [], ContactFileFormat.VCard));
    }

    [Fact]
    public void Read_Cancelled_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            ContactCsv.Read(new StringReader(ContactCsv.TemplateHeader + "\r\nA\r\n"), ContactFileFormat.K7Csv, cts.Token).ToList());
    }

    // ---- Formula escape -----------------------------------------------------------------------------------------

    [Fact]
    public void Write_CellsThatLookLikeFormulas_EscapedWithQuoteAndReadBackExactly()
    {
        var contact = NewContact() with
        {
            FirstName = "=HYPERLINK(\"http://x\")",
            LastName = "-Dash",
            WorkNumber = "+15551231111",
            Email = "@handle",
            Department = "'=already",
            Site = "'plain",
        };

        var text = Write([new ContactExportItem(contact, false)], ContactFileFormat.K7Csv);
        var record = Assert.Single(Read(text, ContactFileFormat.K7Csv));

        Assert.Contains("\"'+15551231111\"", text, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", text, StringComparison.Ordinal);
        Assert.Contains("'-Dash", text, StringComparison.Ordinal);
        Assert.Contains("''=already", text, StringComparison.Ordinal);
        Assert.Equal(
            (contact.FirstName, contact.LastName, contact.WorkNumber, contact.Email, contact.Department, contact.Site),
            (record.FirstName, record.LastName, record.WorkNumber, record.Email, record.Department, record.Site));
    }

    [Fact]
    public void Read_QuoteBeforeOrdinaryText_Kept()
    {
        var record = Assert.Single(Read("First Name,Last Name\r\n'Tim,O'Brien\r\n", ContactFileFormat.K7Csv));

        Assert.Equal(("'Tim", "O'Brien"), (record.FirstName, record.LastName));
    }

    // ---- Writing ------------------------------------------------------------------------------------------------

    [Fact]
    public void Write_K7_TemplateHeaderCrlfAndEveryField()
    {
        var contact = NewContact() with { Kind = ContactKind.Shared, Extension = "201", Site = "Boston" };

        var text = Write([new ContactExportItem(contact, true)], ContactFileFormat.K7Csv);

        Assert.Equal(
            ContactCsv.TemplateHeader + "\r\n" + "Ellen,\"Green, Jr.\",201,\"'+15551232222\",,,,ellen@example.com,Boston,Sales,Shared,yes\r\n",
            text);
    }

    [Fact]
    public void Write_Outlook_FullHeaderFavoritesInCategoriesAndNoExtension()
    {
        var contact = NewContact() with { Extension = "201", MobileNumber = "5559876543", FaxNumber = "5551110000", Site = "Boston" };

        var text = Write([new ContactExportItem(contact, true)], ContactFileFormat.OutlookCsv);
        var lines = text.Split("\r\n");

        Assert.StartsWith(OutlookHeaderStart, lines[0], StringComparison.Ordinal);
        Assert.EndsWith(",Notes,Categories", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("201", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",Favorites", lines[1], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length); // header, row, and the empty text after the last CRLF
        var record = Assert.Single(Read(text, ContactFileFormat.OutlookCsv));
        Assert.Equal(("5551110000", "Boston", true, null), (record.FaxNumber, record.Site, record.Favorite, record.Extension));
    }

    [Fact]
    public void Write_Google_CurrentFormatWithLabelledPhonesAndStarred()
    {
        var contact = NewContact() with { WorkNumber = null, MobileNumber = "+15559876543", FaxNumber = "201" };

        var text = Write([new ContactExportItem(contact, true), new ContactExportItem(NewContact(), false)], ContactFileFormat.GoogleCsv);
        var lines = text.Split("\r\n");

        Assert.StartsWith("First Name,Middle Name,Last Name,Phonetic First Name,", lines[0], StringComparison.Ordinal);
        Assert.Contains(",Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,", lines[0], StringComparison.Ordinal);
        Assert.Contains("* myContacts ::: * starred,Work,ellen@example.com,Mobile,\"'+15559876543\",Work Fax,201,,,,", lines[1], StringComparison.Ordinal);
        Assert.Contains("* myContacts,Work,ellen@example.com,Work,\"'+15551232222\",,,,,,", lines[2], StringComparison.Ordinal);
        Assert.Equal(ContactFileFormat.GoogleCsv, ContactCsv.Detect(lines[0]));
    }

    [Fact]
    public void Write_NoItems_HeaderOnly()
    {
        Assert.Equal(ContactCsv.TemplateHeader + "\r\n", Write([], ContactFileFormat.K7Csv));
    }

    // ---- Detect -------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("k7-template.csv", ContactFileFormat.K7Csv)]
    [InlineData("outlook-export.csv", ContactFileFormat.OutlookCsv)]
    [InlineData("google-export.csv", ContactFileFormat.GoogleCsv)]
    [InlineData("google-legacy.csv", ContactFileFormat.GoogleCsv)]
    public void Detect_FixtureHeader_FindsTheDialect(string fixture, ContactFileFormat expected)
    {
        using var reader = OpenFixture(fixture);

        Assert.Equal(expected, ContactCsv.Detect(reader.ReadLine()!));
    }

    [Theory]
    [InlineData("First Name,Last Name,Extension", ContactFileFormat.K7Csv)]
    [InlineData("First Name,Last Name", ContactFileFormat.K7Csv)]
    [InlineData("Last Name,Email", ContactFileFormat.K7Csv)]
    [InlineData("\"first name\", \"WORK NUMBER\"", ContactFileFormat.K7Csv)]
    [InlineData("First Name,Last Name,Business Phone", ContactFileFormat.OutlookCsv)]
    [InlineData("Title,First Name,Middle Name,Last Name,Suffix,Company,Department,Job Title,Business Street,Mobile Phone,E-mail Address,Categories", ContactFileFormat.OutlookCsv)]
    [InlineData("Name,Given Name,Family Name", ContactFileFormat.GoogleCsv)]
    [InlineData("First Name,Last Name,Phone 1 - Label,Phone 1 - Value", ContactFileFormat.GoogleCsv)]
    public void Detect_KnownHeader_FindsTheDialect(string header, ContactFileFormat expected)
    {
        Assert.Equal(expected, ContactCsv.Detect(header));
    }

    [Theory]
    [InlineData("")]
    [InlineData("BEGIN:VCARD")]
    [InlineData("id;name;phone")]
    [InlineData("\"unclosed,quote")]
    [InlineData("\u0000\u0001,,,\"\"\"")]
    public void Detect_Garbage_ReturnsNull(string header)
    {
        Assert.Null(ContactCsv.Detect(header));
    }

    // ---- Helpers ------------------------------------------------------------------------------------------------

    internal static List<ContactRecord> Read(string text, ContactFileFormat format) =>
        ContactCsv.Read(new StringReader(text), format).ToList();

    internal static string Write(IEnumerable<ContactExportItem> items, ContactFileFormat format)
    {
        using var writer = new StringWriter();
        ContactCsv.Write(writer, items, format);
        return writer.ToString();
    }

    private static StreamReader OpenFixture(string name) =>
        new(Path.Combine(AppContext.BaseDirectory, "Fixtures", name), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);

    private static List<ContactRecord> ReadFixture(string name, ContactFileFormat format)
    {
        using var reader = OpenFixture(name);
        return ContactCsv.Read(reader, format).ToList();
    }

    private static System.Collections.Immutable.ImmutableDictionary<ContactField, ContactFieldSource> ImmutableDictionaryOf() =>
        System.Collections.Immutable.ImmutableDictionary<ContactField, ContactFieldSource>.Empty;

    private static Contact NewContact() => new()
    {
        Id = ContactId.Parse("c-1"),
        FirstName = "Ellen",
        LastName = "Green, Jr.",
        WorkNumber = "+15551232222",
        Email = "ellen@example.com",
        Department = "Sales",
    };
}
