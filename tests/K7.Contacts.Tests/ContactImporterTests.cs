using System.Text;
using K7.Contacts.Formats;
using Microsoft.Extensions.Options;

namespace K7.Contacts.Tests;

public class ContactImporterTests
{
    private const string Template = "First Name,Last Name,Extension,Work Number,Mobile Number,Home Number,Fax Number,Email,Site,Department,Type,Favorite\r\n";
    private static readonly ContactId Ellen = TestDomain.Ellen;

    [Fact]
    public async Task ImportAsync_Template_AddsPersonalContactsAndStars()
    {
        var (domain, sut) = await CreateSutAsync();
        var result = await sut.ImportAsync(ContactActor.User(Ellen), Utf8(Template +
            "Bob,Jones,,555-123-1111,(555) 123-2222,,,bob@example.com,,,,yes\r\n" +
            "Ann,Lee,,,+44 20 7946 0958,,,,,,Personal,no\r\n"));
        Assert.Equal(ContactFileFormat.K7Csv, result.Format);
        Assert.Equal(2, result.RowsRead);
        Assert.Equal(2, result.Added.Count);
        Assert.Empty(result.Skipped);
        var bob = result.Added[0];
        Assert.Equal(("Bob", "Jones", "+15551231111", "+15551232222", Ellen), (bob.FirstName, bob.LastName, bob.WorkNumber, bob.MobileNumber, bob.OwnerId));
        Assert.Equal("+442079460958", result.Added[1].MobileNumber);
        Assert.Equal([bob.Id], domain.Directory.GetFavorites(Ellen));
    }

    [Fact]
    public async Task ImportAsync_BadRow_AllOrNothing_NamesLineAndColumn()
    {
        var (domain, sut) = await CreateSutAsync();
        var error = await Assert.ThrowsAsync<ContactFormatException>(() => sut.ImportAsync(ContactActor.User(Ellen), Utf8(Template +
            "Bob,Jones,,5551231111,,,,,,,,\r\n" +
            "Ann,Lee,,,12ab,,,,,,,\r\n" +
            "Cy,Young,,,,,,not-mail,,,,\r\n")));
        Assert.Equal(2, error.Errors.Count);
        Assert.Equal(3, error.Line);
        Assert.Equal(5, error.Column);
        Assert.Equal("Mobile Number", error.Field);
        Assert.Contains("'12ab' is not a phone number", error.Message, StringComparison.Ordinal);
        Assert.Equal((4, 8, "Email"), (error.Errors[1].Line, error.Errors[1].Column, error.Errors[1].Field));
        Assert.Equal(5, (await domain.Store.LoadAsync()).Contacts.Count);
    }

    [Fact]
    public async Task ImportAsync_SkipInvalidRows_ImportsGoodRows_ReportsEachSkipped()
    {
        var (domain, sut) = await CreateSutAsync();
        var result = await sut.ImportAsync(ContactActor.User(Ellen), Utf8(Template +
            "Bob,Jones,,5551231111,,,,,,,,\r\n" +
            "Ann,Lee,,,12ab,,,,,,,\r\n" +
            "Cy,Young,,,,,,cy@example.com,,,,\r\n"), new ContactImportOptions { SkipInvalidRows = true });
        Assert.Equal(["Bob", "Cy"], result.Added.Select(c => c.FirstName));
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal("line 3, column 5 (Mobile Number): '12ab' is not a phone number: letters are not accepted ('a' at position 3)", skipped.ToString());
        Assert.Equal(7, (await domain.Store.LoadAsync()).Contacts.Count);
    }

    [Fact]
    public async Task ImportAsync_BasicUserImportingUsers_Refused()
    {
        var (domain, sut) = await CreateSutAsync();
        var error = await Assert.ThrowsAsync<ContactFormatException>(() => sut.ImportAsync(ContactActor.User(Ellen), Utf8(Template +
            "New,Hire,230,,,,,,,,User,\r\n")));
        Assert.Equal((2, 11, "Type"), (error.Line, error.Column, error.Field));
        Assert.Contains("only office managers may import users", error.Message, StringComparison.Ordinal);
        Assert.Null(domain.Directory.FindUserByExtension("230"));
    }

    [Fact]
    public async Task ImportAsync_ManagerImportingUsers_AddsNewAndUpdatesByExtension()
    {
        var (domain, sut) = await CreateSutAsync();
        var result = await sut.ImportAsync(TestDomain.Manager, Utf8(Template +
            "New,Hire,230,,,,,new@example.com,Main,Sales,User,\r\n" +
            "Tim,Garcia,207,,5559990000,,,tim@example.com,Branch,Support,User,\r\n" +
            "Front,Desk,,5551230000,,,,,,,Shared,\r\n"));
        Assert.Equal(["New Hire", "Front Desk"], result.Added.Select(c => c.DisplayName));
        var tim = Assert.Single(result.Updated);
        Assert.Equal(TestDomain.Tim, tim.Id);
        Assert.Equal("+15559990000", domain.Directory.Get(TestDomain.Tim)!.MobileNumber);
        Assert.Equal(ContactKind.User, domain.Directory.FindUserByExtension("230")!.Kind);
        Assert.Contains("Front Desk", domain.Names(TestDomain.Gary, new ContactQuery { Group = ContactGroup.Shared }));
    }

    [Fact]
    public async Task ImportAsync_SameExtensionTwice_SecondRowRefused()
    {
        var (_, sut) = await CreateSutAsync();
        var error = await Assert.ThrowsAsync<ContactFormatException>(() => sut.ImportAsync(TestDomain.Manager, Utf8(Template +
            "New,Hire,230,,,,,,,,User,\r\n" +
            "Other,Hire,230,,,,,,,,User,\r\n")));
        Assert.Equal((3, 3), (error.Line, error.Column));
        Assert.Contains("also on line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_Twice_AddsNothingTheSecondTime()
    {
        var (domain, sut) = await CreateSutAsync();
        var file = Template + "Bob,Jones,,5551231111,,,,,,,,\r\nBob,Jones,,5551231111,,,,,,,,\r\n";
        var first = await sut.ImportAsync(ContactActor.User(Ellen), Utf8(file));
        Assert.Single(first.Added);
        Assert.Equal(1, first.Unchanged);
        var second = await sut.ImportAsync(ContactActor.User(Ellen), Utf8(file));
        Assert.Empty(second.Added);
        Assert.Equal(2, second.Unchanged);
        Assert.Equal(6, domain.Directory.Count);
    }

    [Fact]
    public async Task ImportAsync_NotUtf8_NamesLineAndByte()
    {
        var (_, sut) = await CreateSutAsync();
        var bytes = Encoding.Latin1.GetBytes(Template + "Jos\u00e9,Lee,,5551231111,,,,,,,,\r\n");
        var error = await Assert.ThrowsAsync<ContactFormatException>(() => sut.ImportAsync(ContactActor.User(Ellen), new MemoryStream(bytes)));
        Assert.Equal(2, error.Line);
        Assert.Equal(4, error.Column);
        Assert.Contains("0xE9 is not UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_Latin1WithEncodingOption_Reads()
    {
        var (_, sut) = await CreateSutAsync();
        var bytes = Encoding.Latin1.GetBytes(Template + "Jos\u00e9,Lee,,5551231111,,,,,,,,\r\n");
        var result = await sut.ImportAsync(ContactActor.User(Ellen), new MemoryStream(bytes), new ContactImportOptions { Encoding = Encoding.Latin1 });
        Assert.Equal("Jos\u00e9", result.Added.Single().FirstName);
    }

    [Fact]
    public async Task ImportAsync_Utf16WithBom_Reads()
    {
        var (_, sut) = await CreateSutAsync();
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Template + "Jos\u00e9,Lee,,5551231111,,,,,,,,\r\n")).ToArray();
        var result = await sut.ImportAsync(ContactActor.User(Ellen), new MemoryStream(bytes));
        Assert.Equal("Jos\u00e9", result.Added.Single().FirstName);
    }

    [Fact]
    public async Task ImportAsync_BinaryFile_Refused()
    {
        var (_, sut) = await CreateSutAsync();
        var error = await Assert.ThrowsAsync<ContactFormatException>(() => sut.ImportAsync(ContactActor.User(Ellen), new MemoryStream([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00])));
        Assert.Contains("NUL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_UnknownHeader_SaysWhatIsExpected()
    {
        var (_, sut) = await CreateSutAsync();
        var error = await Assert.ThrowsAsync<ContactFormatException>(() => sut.ImportAsync(ContactActor.User(Ellen), Utf8("foo,bar\r\n1,2\r\n")));
        Assert.Equal(1, error.Line);
        Assert.Contains("First Name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_TooManyRows_Refused()
    {
        var (domain, sut) = await CreateSutAsync(o => o.MaxImportRows = 2);
        var error = await Assert.ThrowsAsync<ContactFormatException>(() => sut.ImportAsync(ContactActor.User(Ellen), Utf8(Template +
            "A,A,,,,,,,,,,\r\nB,B,,,,,,,,,,\r\nC,C,,,,,,,,,,\r\n")));
        Assert.Equal(4, error.Line);
        Assert.Equal(5, domain.Directory.Count);
    }

    [Fact]
    public async Task ImportAsync_TooLarge_Refused()
    {
        var (_, sut) = await CreateSutAsync(o => o.MaxImportBytes = 100);
        var error = await Assert.ThrowsAsync<ContactFormatException>(() => sut.ImportAsync(ContactActor.User(Ellen), Utf8(Template + new string('x', 200))));
        Assert.Contains("larger than the 100 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_ReportsProgress_ThroughEachStage()
    {
        var (_, sut) = await CreateSutAsync();
        var reports = new List<ContactImportProgress>();
        var rows = string.Concat(Enumerable.Range(0, 1200).Select(i => $"First{i},Last{i},,,,,,,,,,\r\n"));
        await sut.ImportAsync(ContactActor.User(Ellen), Utf8(Template + rows), new ContactImportOptions { Progress = new SyncProgress(reports) });
        Assert.Equal([500, 1000, 1200, 1200, 1200], reports.Select(r => r.RowsRead));
        Assert.Equal(ContactImportStage.Completed, reports[^1].Stage);
        Assert.Equal(1200, reports[^1].RowsAccepted);
    }

    [Fact]
    public async Task ImportAsync_Cancelled_StoresNothing()
    {
        var (domain, sut) = await CreateSutAsync();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sut.ImportAsync(ContactActor.User(Ellen), Utf8(Template + "Bob,Jones,,,,,,,,,,\r\n"), cancellationToken: cancel.Token));
        Assert.Equal(5, domain.Directory.Count);
    }

    private static async Task<(TestDomain Domain, ContactImporter Importer)> CreateSutAsync(Action<ContactsOptions>? configure = null)
    {
        var domain = await TestDomain.CreateAsync();
        var options = new ContactsOptions();
        configure?.Invoke(options);
        return (domain, new ContactImporter(domain.Directory, Options.Create(options)));
    }

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    private sealed class SyncProgress(List<ContactImportProgress> reports) : IProgress<ContactImportProgress>
    {
        public void Report(ContactImportProgress value) => reports.Add(value);
    }
}
