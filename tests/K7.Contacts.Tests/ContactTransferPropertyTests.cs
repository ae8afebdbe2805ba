using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using K7.Contacts.Formats;
using Microsoft.Extensions.Options;

namespace K7.Contacts.Tests;

/// <summary>Export a user's contacts in each format, import the file as another user: every carried field comes back.</summary>
public class ContactTransferPropertyTests
{
    private static readonly string[] Names = ["Ellen", "José", "Müller", "O'Brien", "Zoë", "Łukasz", "de la Cruz", "Smith, Jr.", "=Sum", "+Plus", "-Minus", "@At", "Ann \"Annie\"", "李", "Åsa"];
    private static readonly string[] Numbers = ["+15551231111", "+15552223333", "+442079460958", "+33142685300", "201", "*97", "2075"];
    private static readonly string[] Emails = ["ellen@example.com", "j.o+tag@example.org", "zoe@xn--bcher-kva.example"];
    private static readonly string[] Departments = ["Sales", "Support", "R&D; Lab"];

    public static Arbitrary<Contact[]> ContactLists() => Gen.ArrayOf(
        from first in Gen.Elements(Names)
        from last in Gen.Elements(Names)
        from work in Maybe(Numbers)
        from mobile in Maybe(Numbers)
        from home in Maybe(Numbers)
        from fax in Maybe(Numbers)
        from email in Maybe(Emails)
        from extension in Maybe(["101", "2000", "55"])
        select new Contact
        {
            Id = default,
            FirstName = first,
            LastName = last,
            WorkNumber = work,
            MobileNumber = mobile,
            HomeNumber = home,
            FaxNumber = fax,
            Email = email,
            Extension = extension,
        }).Select(a => a.Take(12).ToArray()).ToArbitrary();

    [Property(MaxTest = 40, Arbitrary = [typeof(ContactTransferPropertyTests)])]
    public Property ExportThenImport_K7Csv_Lossless(Contact[] contacts) => RoundTrip(contacts, ContactFileFormat.K7Csv, withExtension: true);

    [Property(MaxTest = 40, Arbitrary = [typeof(ContactTransferPropertyTests)])]
    public Property ExportThenImport_VCard_Lossless(Contact[] contacts) => RoundTrip(contacts, ContactFileFormat.VCard, withExtension: true);

    [Property(MaxTest = 40, Arbitrary = [typeof(ContactTransferPropertyTests)])]
    public Property ExportThenImport_OutlookCsv_CarriedFieldsLossless(Contact[] contacts) => RoundTrip(contacts, ContactFileFormat.OutlookCsv, withExtension: false);

    [Property(MaxTest = 40, Arbitrary = [typeof(ContactTransferPropertyTests)])]
    public Property ExportThenImport_GoogleCsv_CarriedFieldsLossless(Contact[] contacts) => RoundTrip(contacts, ContactFileFormat.GoogleCsv, withExtension: false);

    private static Gen<string?> Maybe(string[] values) => Gen.OneOf(Gen.Constant<string?>(null), Gen.Elements(values).Select(v => (string?)v));

    private static Property RoundTrip(Contact[] contacts, ContactFileFormat format, bool withExtension)
    {
        var domain = TestDomain.CreateAsync().GetAwaiter().GetResult();
        var from = ContactActor.User(TestDomain.Ellen);
        foreach (var contact in contacts)
        {
            var stored = domain.Directory.AddAsync(from, withExtension ? contact : contact with { Extension = null }).GetAwaiter().GetResult();
            if (stored.FirstName.Length % 2 == 0)
            {
                domain.Directory.SetFavoriteAsync(TestDomain.Ellen, stored.Id, true).GetAwaiter().GetResult();
            }
        }

        var exported = new ContactExporter(domain.Directory).Export(TestDomain.Ellen, ContactGroup.MyContacts, format);
        var importer = new ContactImporter(domain.Directory, Options.Create(new ContactsOptions()));
        var result = importer.ImportTextAsync(ContactActor.User(TestDomain.Gary), exported, new ContactImportOptions { Format = format }).GetAwaiter().GetResult();

        static string Key(Contact c, bool favorite) => string.Join('|', c.FirstName, c.LastName, c.Extension, c.WorkNumber, c.MobileNumber, c.HomeNumber, c.FaxNumber, c.Email, favorite);
        var before = domain.Directory.GetGroup(TestDomain.Ellen, ContactGroup.MyContacts).Select(i => Key(i.Contact, i.IsFavorite)).Distinct().Order(StringComparer.Ordinal).ToList();
        var after = domain.Directory.GetGroup(TestDomain.Gary, ContactGroup.MyContacts).Select(i => Key(i.Contact, i.IsFavorite)).Order(StringComparer.Ordinal).ToList();
        return before.SequenceEqual(after).Label($"{format}\n{exported}\nbefore: {string.Join("; ", before)}\nafter: {string.Join("; ", after)}");
    }
}
