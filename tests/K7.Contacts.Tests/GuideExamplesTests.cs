using System.Text;
using K7.Contacts.Formats;
using Microsoft.Extensions.Options;

namespace K7.Contacts.Tests;

/// <summary>The examples of docs/contacts.md, one per case of the user-portal guide.</summary>
public class GuideExamplesTests
{
    private static readonly ContactId Ellen = TestDomain.Ellen;

    [Fact]
    public async Task ContactsPage_ListsUsersInDirectory_NameOrder()
    {
        var domain = await TestDomain.CreateAsync();
        await domain.Directory.UpdateAsync(ContactActor.User(TestDomain.Gary), domain.Directory.Get(TestDomain.Gary)! with { ListInDirectory = false });
        Assert.Equal(["Tim Garcia", "Ellen Green", "Maggie Matthews", "Suzanne May"], domain.Names(Ellen, new ContactQuery()));
    }

    [Fact]
    public async Task AddContact_NormalizesNumbers()
    {
        var domain = await TestDomain.CreateAsync();
        var bob = await domain.Directory.AddAsync(ContactActor.User(Ellen), new Contact { Id = default, FirstName = "Bob", LastName = "Jones", MobileNumber = "(555) 123-1111" });
        Assert.Equal(("+15551231111", Ellen, ContactKind.Personal), (bob.MobileNumber, bob.OwnerId, bob.Kind));
    }

    [Fact]
    public async Task Search_ByNameOrExtension()
    {
        var domain = await TestDomain.CreateAsync();
        Assert.Equal(["Ellen Green"], domain.Names(Ellen, new ContactQuery { Text = "gre" }));
        var byExtension = domain.Directory.Search(Ellen, new ContactQuery { Text = "20", Match = ContactMatchMode.Prefix, Sort = ContactSort.Extension });
        Assert.Equal(["201", "202", "203", "207"], byExtension.Items.Select(m => m.Contact.Extension));
    }

    [Fact]
    public async Task Filter_GroupsAndStatus_AndOnlineFirst()
    {
        var domain = await TestDomain.CreateAsync();
        await domain.Directory.SetFavoriteAsync(Ellen, TestDomain.Tim, true);
        domain.Presence.Set(TestDomain.Maggie, PresenceState.Busy, null);
        domain.Presence.Set(TestDomain.Gary, PresenceState.AvailableForChat, null);
        domain.Presence.Set(TestDomain.Tim, PresenceState.Available, "In the office until 5");
        Assert.Equal(["Tim Garcia"], domain.Names(Ellen, new ContactQuery { Group = ContactGroup.Favorites }));
        Assert.Equal(["Ellen Green", "Gary Smith"], domain.Names(Ellen, new ContactQuery { Group = ContactGroup.Departments, GroupName = "Sales" }));
        Assert.Equal(["Tim Garcia", "Gary Smith"], domain.Names(Ellen, new ContactQuery { Status = PresenceFilter.Available }));
        Assert.Equal(["Tim Garcia", "Gary Smith", "Maggie Matthews", "Ellen Green", "Suzanne May"], domain.Names(Ellen, new ContactQuery { Sort = ContactSort.Online }));
        var tim = domain.Directory.Search(Ellen, new ContactQuery { Text = "tim" }).Items.Single();
        Assert.True(tim.IsFavorite);
        Assert.Equal("In the office until 5", tim.Presence.Message);
    }

    [Fact]
    public async Task ImportOutlook_PrimaryPhoneBecomesWorkNumber()
    {
        var domain = await TestDomain.CreateAsync();
        var importer = new ContactImporter(domain.Directory, Options.Create(new ContactsOptions()));
        var csv = "First Name,Last Name,E-mail Address,Primary Phone,Mobile Phone\r\nBob,Jones,bob@example.com,555-123-1111,\r\n";
        var result = await importer.ImportAsync(ContactActor.User(Ellen), new MemoryStream(Encoding.UTF8.GetBytes(csv)));
        Assert.Equal(ContactFileFormat.OutlookCsv, result.Format);
        var bob = result.Added.Single();
        Assert.Equal("+15551231111", bob.WorkNumber);
        Assert.Null(bob.Extension);
    }

    [Fact]
    public async Task Export_Favorites_AsVCard_ImportsBackIntoAnotherUser()
    {
        var domain = await TestDomain.CreateAsync();
        var bob = await domain.Directory.AddAsync(ContactActor.User(Ellen), new Contact { Id = default, FirstName = "Bob", LastName = "Jones", MobileNumber = "5551231111" });
        await domain.Directory.SetFavoriteAsync(Ellen, bob.Id, true);
        var exporter = new ContactExporter(domain.Directory);
        using var file = new MemoryStream();
        Assert.Equal(1, await exporter.ExportAsync(Ellen, ContactGroup.Favorites, ContactFileFormat.VCard, file));
        Assert.StartsWith("BEGIN:VCARD", Encoding.UTF8.GetString(file.ToArray()), StringComparison.Ordinal);
        file.Position = 0;
        var importer = new ContactImporter(domain.Directory, Options.Create(new ContactsOptions()));
        var result = await importer.ImportAsync(ContactActor.User(TestDomain.Gary), file);
        var copy = result.Added.Single();
        Assert.Equal((bob.FirstName, bob.LastName, bob.MobileNumber, TestDomain.Gary), (copy.FirstName, copy.LastName, copy.MobileNumber, copy.OwnerId));
        Assert.Contains(copy.Id, domain.Directory.GetFavorites(TestDomain.Gary));
    }

    [Fact]
    public void ExportNames_AndContentTypes()
    {
        Assert.Equal("contacts-favorites.vcf", ContactExporter.FileName(ContactGroup.Favorites, ContactFileFormat.VCard));
        Assert.Equal("contacts-my-contacts-outlook.csv", ContactExporter.FileName(ContactGroup.MyContacts, ContactFileFormat.OutlookCsv));
        Assert.Equal("text/vcard; charset=utf-8", ContactExporter.ContentType(ContactFileFormat.VCard));
        Assert.Equal("text/csv; charset=utf-8", ContactExporter.ContentType(ContactFileFormat.GoogleCsv));
    }
}
