using System.Text;
using K7.Contacts.Formats;
using Microsoft.Extensions.Options;

namespace K7.Contacts.Tests;

/// <summary>Files written the way each product exports them, imported end to end; malformed files import nothing.</summary>
public class FixtureImportTests
{
    private static readonly ContactId Ellen = TestDomain.Ellen;

    [Theory]
    [InlineData("outlook-export.csv", ContactFileFormat.OutlookCsv, 4)]
    [InlineData("google-export.csv", ContactFileFormat.GoogleCsv, 3)]
    [InlineData("google-legacy.csv", ContactFileFormat.GoogleCsv, 2)]
    [InlineData("icloud-export.vcf", ContactFileFormat.VCard, 3)]
    [InlineData("android-2.1.vcf", ContactFileFormat.VCard, 2)]
    [InlineData("outlook.vcf", ContactFileFormat.VCard, 2)]
    public async Task ImportAsync_ProductExport_EveryContactArrives(string file, ContactFileFormat format, int count)
    {
        var (domain, importer) = await CreateSutAsync();
        await using var stream = File.OpenRead(Path.Combine("Fixtures", file));
        var result = await importer.ImportAsync(ContactActor.User(Ellen), stream);
        Assert.Equal(format, result.Format);
        Assert.Equal(count, result.Added.Count);
        Assert.All(result.Added, c => Assert.Equal(Ellen, c.OwnerId));
        Assert.Equal(count, domain.Names(Ellen, new ContactQuery { Group = ContactGroup.MyContacts }).Count);
    }

    [Fact]
    public async Task ImportAsync_VCard4WithAUserCard_BasicUserSkipsIt()
    {
        var (domain, importer) = await CreateSutAsync();
        await using var stream = File.OpenRead(Path.Combine("Fixtures", "vcard4.vcf"));
        var result = await importer.ImportAsync(ContactActor.User(Ellen), stream, new ContactImportOptions { SkipInvalidRows = true });
        var simone = Assert.Single(result.Added);
        Assert.Equal(("Simone", "Perrault", "+14185550154", "+14185550101"), (simone.FirstName, simone.LastName, simone.WorkNumber, simone.MobileNumber));
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal((14, "X-K7-KIND"), (skipped.Line, skipped.Field));
        Assert.DoesNotContain(domain.Directory.GetGroup(Ellen, ContactGroup.All), i => i.Contact.FirstName == "Ola");
    }

    [Fact]
    public async Task ImportAsync_OutlookExport_MapsColumnsByName()
    {
        var (domain, importer) = await CreateSutAsync();
        await using var stream = File.OpenRead(Path.Combine("Fixtures", "outlook-export.csv"));
        await importer.ImportAsync(ContactActor.User(Ellen), stream);
        var jose = domain.Directory.Search(Ellen, new ContactQuery { Text = "jose muller" }).Items.Single();
        Assert.Equal(("+15551231111", "+15559876543", "jose.muller@example.com"), (jose.Contact.WorkNumber, jose.Contact.MobileNumber, jose.Contact.Email));
        Assert.True(jose.IsFavorite);
        var ellen = domain.Directory.Search(Ellen, new ContactQuery { Text = "ellen green", Group = ContactGroup.MyContacts }).Items.Single();
        Assert.Equal("+15551232222", ellen.Contact.WorkNumber);
    }

    [Fact]
    public async Task ImportAsync_ICloudExport_AppleLabelsAndAccents()
    {
        var (domain, importer) = await CreateSutAsync();
        await using var stream = File.OpenRead(Path.Combine("Fixtures", "icloud-export.vcf"));
        await importer.ImportAsync(ContactActor.User(Ellen), stream);
        var zoe = domain.Directory.Search(Ellen, new ContactQuery { Text = "zoe" }).Items.Single().Contact;
        Assert.Equal(("Zoë", "Müller", "+15551231111", "+15551232222"), (zoe.FirstName, zoe.LastName, zoe.MobileNumber, zoe.WorkNumber));
        var francoise = domain.Directory.Search(Ellen, new ContactQuery { Text = "francoise" }).Items.Single();
        Assert.True(francoise.IsFavorite);
        Assert.Equal("+33612345678", francoise.Contact.MobileNumber);
    }

    [Fact]
    public async Task ImportAsync_TemplateWithBadRows_SkipModeReportsEach()
    {
        var (_, importer) = await CreateSutAsync();
        await using var stream = File.OpenRead(Path.Combine("Fixtures", "k7-template.csv"));
        var result = await importer.ImportAsync(ContactActor.User(Ellen), stream, new ContactImportOptions { SkipInvalidRows = true });
        Assert.NotEmpty(result.Skipped);
        Assert.Contains(result.Skipped, e => e.Line == 2 && e.Field == "Type");
        Assert.Contains(result.Skipped, e => e.Line == 3 && e.Field == "Type");
        Assert.Contains(result.Skipped, e => e.Line == 6);
        Assert.Equal(["Maggie", "Müller, José"], result.Added.Select(c => c.FirstName));
    }

    [Theory]
    [InlineData("broken-quote.csv")]
    [InlineData("missing-columns.csv")]
    public async Task ImportAsync_MalformedFile_ClearErrorAndNothingImported(string file)
    {
        var (domain, importer) = await CreateSutAsync();
        await using var stream = File.OpenRead(Path.Combine("Fixtures", file));
        var error = await Assert.ThrowsAsync<ContactFormatException>(() => importer.ImportAsync(ContactActor.User(Ellen), stream, new ContactImportOptions { SkipInvalidRows = true }));
        Assert.True(error.Line > 0, error.Message);
        Assert.Empty(domain.Names(Ellen, new ContactQuery { Group = ContactGroup.MyContacts }));
    }

    [Fact]
    public async Task ImportAsync_BrokenQuote_NamesTheRowWhereItStarts()
    {
        var (_, importer) = await CreateSutAsync();
        await using var stream = File.OpenRead(Path.Combine("Fixtures", "broken-quote.csv"));
        var error = await Assert.ThrowsAsync<ContactFormatException>(() => importer.ImportAsync(ContactActor.User(Ellen), stream));
        Assert.Equal(3, error.Line);
        Assert.Equal(2, error.Column);
    }

    [Fact]
    public async Task ImportAsync_HugeRow_RefusedWithLine()
    {
        var (domain, importer) = await CreateSutAsync();
        var text = "First Name,Last Name,Email\r\nTim,Garcia,tim@example.com\r\n\"" + new string('x', 70_000) + "\",Green,\r\n";
        var error = await Assert.ThrowsAsync<ContactFormatException>(() => importer.ImportAsync(ContactActor.User(Ellen), new MemoryStream(Encoding.UTF8.GetBytes(text))));
        Assert.Equal(3, error.Line);
        Assert.Empty(domain.Names(Ellen, new ContactQuery { Group = ContactGroup.MyContacts }));
    }

    [Fact]
    public async Task ImportAsync_UnterminatedVCard_RefusedWithBeginLine()
    {
        var (domain, importer) = await CreateSutAsync();
        var text = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Green;Ellen;;;\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nN:Garcia;Tim;;;\r\n";
        var error = await Assert.ThrowsAsync<ContactFormatException>(() => importer.ImportAsync(ContactActor.User(Ellen), new MemoryStream(Encoding.UTF8.GetBytes(text)), new ContactImportOptions { SkipInvalidRows = true }));
        Assert.Equal(5, error.Line);
        Assert.Empty(domain.Names(Ellen, new ContactQuery { Group = ContactGroup.MyContacts }));
    }

    private static async Task<(TestDomain Domain, ContactImporter Importer)> CreateSutAsync()
    {
        var domain = await TestDomain.CreateAsync();
        return (domain, new ContactImporter(domain.Directory, Options.Create(new ContactsOptions())));
    }
}
