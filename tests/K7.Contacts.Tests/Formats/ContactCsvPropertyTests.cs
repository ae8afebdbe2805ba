using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using K7.Contacts.Formats;

namespace K7.Contacts.Tests.Formats;

public sealed class ContactCsvPropertyTests
{
    [Property(MaxTest = 200, Arbitrary = new[] { typeof(ContactCsvGenerators) })]
    public void Read_WrittenK7_GivesBackEveryField(ExportBatch batch) =>
        AssertRoundTrip(batch, ContactFileFormat.K7Csv);

    [Property(MaxTest = 200, Arbitrary = new[] { typeof(ContactCsvGenerators) })]
    public void Read_WrittenOutlook_GivesBackTheFieldsOutlookCarries(ExportBatch batch) =>
        AssertRoundTrip(batch, ContactFileFormat.OutlookCsv);

    [Property(MaxTest = 200, Arbitrary = new[] { typeof(ContactCsvGenerators) })]
    public void Read_WrittenGoogle_GivesBackTheFieldsGoogleCarries(ExportBatch batch) =>
        AssertRoundTrip(batch, ContactFileFormat.GoogleCsv);

    [Property(MaxTest = 200, Arbitrary = new[] { typeof(ContactCsvGenerators) })]
    public void Detect_WrittenHeader_FindsTheFormatWritten(ExportBatch batch)
    {
        foreach (var format in (ContactFileFormat[])[ContactFileFormat.K7Csv, ContactFileFormat.OutlookCsv, ContactFileFormat.GoogleCsv])
        {
            var text = ContactCsvTests.Write(batch.Items, format);

            Assert.Equal(format, ContactCsv.Detect(text[..text.IndexOf("\r\n", StringComparison.Ordinal)]));
        }
    }

    [Property(MaxTest = 200, Arbitrary = new[] { typeof(ContactCsvGenerators) })]
    public void Read_AnyText_ThrowsNothingButContactFormatException(CsvText input)
    {
        try
        {
            foreach (var record in ContactCsv.Read(new StringReader(input.Text), input.Format))
            {
                Assert.True(record.Line >= 2);
                Assert.All(record.Errors, e => Assert.Equal(record.Line, e.Line));
            }
        }
        catch (ContactFormatException e)
        {
            Assert.True(e.Line >= 1);
        }
    }

    [Property(MaxTest = 200, Arbitrary = new[] { typeof(ContactCsvGenerators) })]
    public void Detect_AnyText_NeverThrows(CsvText input)
    {
        _ = ContactCsv.Detect(input.Text);
    }

    private static void AssertRoundTrip(ExportBatch batch, ContactFileFormat format)
    {
        var text = ContactCsvTests.Write(batch.Items, format);

        var records = ContactCsvTests.Read(text, format);

        var expected = batch.Items.Select(i => Carried.Of(i, format)).Where(c => !c.IsBlank).ToList();
        Assert.Equal(expected, records.Select(r => Carried.Of(r, format)));
        Assert.All(records, r => Assert.Empty(r.Errors));
    }

    /// <summary>The fields a format carries, the others <see langword="null"/>.</summary>
    private sealed record Carried(
        string? FirstName,
        string? LastName,
        string? Extension,
        string? WorkNumber,
        string? MobileNumber,
        string? HomeNumber,
        string? FaxNumber,
        string? Email,
        string? Site,
        string? Department,
        ContactKind? Kind,
        bool Favorite)
    {
        public bool IsBlank => this == new Carried(null, null, null, null, null, null, null, null, null, null, null, false);

        public static Carried Of(ContactExportItem item, ContactFileFormat format)
        {
            var c = item.Contact;
            return Project(
                new Carried(Empty(c.FirstName), Empty(c.LastName), c.Extension, c.WorkNumber, c.MobileNumber, c.HomeNumber, c.FaxNumber, c.Email, c.Site, c.Department, c.Kind, item.IsFavorite),
                format);
        }

        public static Carried Of(ContactRecord r, ContactFileFormat format) => Project(
            new Carried(r.FirstName, r.LastName, r.Extension, r.WorkNumber, r.MobileNumber, r.HomeNumber, r.FaxNumber, r.Email, r.Site, r.Department, r.Kind, r.Favorite),
            format);

        private static Carried Project(Carried c, ContactFileFormat format) => format switch
        {
            ContactFileFormat.OutlookCsv => c with { Extension = null, Kind = null },
            ContactFileFormat.GoogleCsv => c with { Extension = null, Site = null, Kind = null },
            _ => c,
        };

        private static string? Empty(string value) => value.Length == 0 ? null : value;
    }
}

/// <summary>Contacts to export, with their stars.</summary>
/// <param name="Items">The items.</param>
public sealed record ExportBatch(ImmutableArray<ContactExportItem> Items)
{
    public override string ToString() => string.Join(
        Environment.NewLine,
        Items.Select(i => $"{i.Contact} favorite={i.IsFavorite}"));
}

/// <summary>Any text, to be read as a format.</summary>
/// <param name="Text">The text.</param>
/// <param name="Format">The format to read it as.</param>
public sealed record CsvText(string Text, ContactFileFormat Format)
{
    public override string ToString() => $"{Format}: {System.Text.Json.JsonSerializer.Serialize(Text)}";
}

/// <summary>FsCheck generators of exported contacts and of CSV-like text.</summary>
public static class ContactCsvGenerators
{
    private static readonly string[] Fragments =
    [
        "Ellen", "José", "Müller", "Zoë", "O'Brien", "Ng", "李", "ß", ",", "\"", "\"\"", "'", "\n", "\r\n", "\r", " ", "  ",
        "=", "+", "-", "@", "\t", ";", ":::", " ::: ", "Jr.", "a,b", "=SUM(A1)", "@cmd", "-1", "+1", "x",
    ];

    private static readonly string?[] Numbers =
    [
        null, null, "+15551231111", "+442079460958", "201", "*97", "555-123-4567", "(555) 123 4567", "-5", "=1+1", "'+1",
    ];

    private static readonly string?[] Emails =
        [null, "a@example.com", "first.last+tag@example.org", "=cmd@example.com", "@handle", "o'brien@example.ie"];

    private static readonly string[] Headers =
        [ContactCsv.TemplateHeader, "First Name,Last Name,Business Phone,Primary Phone,Categories", "First Name,Phone 1 - Label,Phone 1 - Value,Labels", string.Empty];

    private static readonly string[] TextPieces =
        [",", "\"", "\r\n", "\n", "\r", "'", "=", "+1", "a", "Tim", " ", "yes", "Robot", "User", ":::", "\0", "é", "Favorites", "\uFEFF"];

    public static Arbitrary<ExportBatch> ExportBatch() =>
        Arb.From(
            from count in Gen.Choose(0, 5)
            from items in Gen.ArrayOf(Item(), count)
            select new ExportBatch([.. items]));

    public static Arbitrary<CsvText> CsvText()
    {
        var csvLike =
            from header in Gen.Elements(Headers)
            from pieces in Gen.ArrayOf(Gen.Elements(TextPieces))
            select header + "\r\n" + string.Concat(pieces);
        var any = ArbMap.Default.ArbFor<string>().Generator.Select(s => s ?? string.Empty);
        return Arb.From(
            from text in Gen.Frequency((4, csvLike), (1, any))
            from format in Gen.Elements(ContactFileFormat.K7Csv, ContactFileFormat.OutlookCsv, ContactFileFormat.GoogleCsv)
            select new CsvText(text, format));
    }

    private static Gen<ContactExportItem> Item() =>
        from first in Text()
        from last in Text()
        from extension in Gen.Elements<string?>(null, "201", "4000", "-9")
        from work in Gen.Elements(Numbers)
        from mobile in Gen.Elements(Numbers)
        from home in Gen.Elements(Numbers)
        from fax in Gen.Elements(Numbers)
        from email in Gen.Elements(Emails)
        from site in OptionalText()
        from department in OptionalText()
        from kind in Gen.Elements(ContactKind.Personal, ContactKind.Shared, ContactKind.User)
        from favorite in Gen.Elements(true, false)
        select new ContactExportItem(
            new Contact
            {
                Id = ContactId.Parse("c-1"),
                Kind = kind,
                FirstName = first ?? string.Empty,
                LastName = last ?? string.Empty,
                Extension = extension,
                WorkNumber = work,
                MobileNumber = mobile,
                HomeNumber = home,
                FaxNumber = fax,
                Email = email,
                Site = site,
                Department = department,
            },
            favorite);

    // Values as a reader gives them back: trimmed, and null rather than empty.
    private static Gen<string?> Text() =>
        from count in Gen.Choose(0, 6)
        from parts in Gen.ArrayOf(Gen.Elements(Fragments), count)
        let value = string.Concat(parts).Trim()
        select value.Length == 0 ? null : value;

    private static Gen<string?> OptionalText() => Gen.Frequency((1, Gen.Constant<string?>(null)), (3, Text()));
}
