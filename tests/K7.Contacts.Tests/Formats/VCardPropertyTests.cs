using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using K7.Contacts.Formats;

namespace K7.Contacts.Tests.Formats;

public class VCardPropertyTests
{
    // Pieces of text that stress escaping, folding and decoding. Line breaks are LF only: vCard text has one kind
    // of line break, and CR or CRLF read back as LF.
    private static readonly string[] Pieces =
    [
        "a", "Z", "Ellen", "O'Neil", " ", ";", ",", "\\", "\\n", "\n", ":", "=", "^", "^n", "\"", "tel:", "é", "Ünal",
        "日本", "😀", "👩‍💻", "ß", "\t", "=C3", "item1.", "BEGIN:VCARD", "END:VCARD",
    ];

    private static readonly Gen<string?> Text =
        Gen.ArrayOf(Gen.Elements(Pieces)).Select(parts =>
        {
            var value = string.Concat(parts).Trim();
            return value.Length == 0 ? null : value;
        });

    private static readonly Gen<string?> Number = Gen.OneOf(
        Gen.Constant<string?>(null),
        Gen.Elements<string?>("+15551231111", "201", "+442071838750", "0", "5551231111"),
        Gen.Choose(1, 99_999).Select(n => (string?)n.ToString(CultureInfo.InvariantCulture)),
        Gen.Choose(1_000_000, int.MaxValue).Select(n => (string?)("+1" + n.ToString(CultureInfo.InvariantCulture))));

    private static readonly Gen<ContactExportItem> Item =
        from first in Text
        from last in Text
        from extension in Gen.OneOf(Number, Text)
        from work in Number
        from mobile in Number
        from home in Number
        from fax in Number
        from email in Text
        from site in Text
        from department in Text
        from kind in Gen.Elements(ContactKind.Personal, ContactKind.Shared, ContactKind.User)
        from favorite in Gen.Elements(true, false)
        select new ContactExportItem(
            new Contact
            {
                Id = ContactId.Parse("1"),
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

    [Property(MaxTest = 200)]
    public Property WriteThenRead_Version3_EveryFieldEqual() => RoundTrips(3);

    [Property(MaxTest = 200)]
    public Property WriteThenRead_Version4_EveryFieldEqual() => RoundTrips(4);

    [Property(MaxTest = 200)]
    public void Read_ArbitraryText_ThrowsOnlyFormatException(string? text)
    {
        ReadAll(text ?? string.Empty);
        ReadAll("BEGIN:VCARD\n" + text);
        ReadAll("BEGIN:VCARD\r\nVERSION:4.0\r\n" + text + "\r\nEND:VCARD\r\n");
    }

    [Property(MaxTest = 200)]
    public Property Read_MutatedFile_ThrowsOnlyFormatException()
    {
        var mutation = Gen.Choose(0, int.MaxValue).Two().Select(t => (t.Item1, t.Item2));
        var gen =
            from items in Gen.ArrayOf(Item)
            from version in Gen.Elements(3, 4)
            from fixture in Gen.Elements<string?>(null, "icloud-export.vcf", "android-2.1.vcf", "outlook.vcf", "vcard4.vcf")
            from mutations in Gen.ArrayOf(mutation)
            select (items, version, fixture, mutations);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var text = new StringBuilder(t.fixture is null
                ? Write(t.items, t.version)
                : File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", t.fixture)));
            const string Inserts = "\r\n \t:;=,\\\"^.é😀ABEGINVCARD";
            foreach (var (position, choice) in t.mutations)
            {
                if (text.Length > 0 && choice % 2 == 0)
                {
                    text.Remove(position % text.Length, 1);
                }
                else
                {
                    text.Insert(position % (text.Length + 1), Inserts[choice % Inserts.Length]);
                }
            }

            ReadAll(text.ToString());
            return true;
        });
    }

    private static Property RoundTrips(int version) =>
        Prop.ForAll(Gen.ArrayOf(Item).ToArbitrary(), items =>
        {
            var records = VCard.Read(new StringReader(Write(items, version))).ToList();

            Assert.Equal(items.Length, records.Count);
            for (var i = 0; i < items.Length; i++)
            {
                var contact = items[i].Contact;
                var record = records[i];
                Assert.Empty(record.Errors);
                Assert.Equal(contact.FirstName, record.FirstName ?? string.Empty);
                Assert.Equal(contact.LastName, record.LastName ?? string.Empty);
                Assert.Equal(contact.Extension, record.Extension);
                Assert.Equal(contact.WorkNumber, record.WorkNumber);
                Assert.Equal(contact.MobileNumber, record.MobileNumber);
                Assert.Equal(contact.HomeNumber, record.HomeNumber);
                Assert.Equal(contact.FaxNumber, record.FaxNumber);
                Assert.Equal(contact.Email, record.Email);
                Assert.Equal(contact.Site, record.Site);
                Assert.Equal(contact.Department, record.Department);
                Assert.Equal(contact.Kind, record.Kind ?? ContactKind.Personal);
                Assert.Equal(items[i].IsFavorite, record.Favorite);
            }
        });

    private static string Write(IEnumerable<ContactExportItem> items, int version)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        VCard.Write(writer, items, version);
        return writer.ToString();
    }

    private static void ReadAll(string text)
    {
        try
        {
            foreach (var record in VCard.Read(new StringReader(text)))
            {
                _ = record.SourceOf(ContactField.Email);
                _ = record.Errors.Select(e => e.ToString()).ToList();
            }
        }
        catch (ContactFormatException ex)
        {
            Assert.True(ex.Line >= 1, ex.Message);
        }
    }
}
