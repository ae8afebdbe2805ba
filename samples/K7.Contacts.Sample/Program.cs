// The Contacts page of the user-portal guide on K7.Contacts: the guide's users in the directory, Ellen's stars and
// presence, an Outlook import, a search, and an export of her favourites as a vCard.
//
//   dotnet run --project samples/K7.Contacts.Sample [database-file]
//
// The database defaults to a new file in the temporary folder, printed at start.
using System.Text;
using K7.Contacts;
using K7.Contacts.Formats;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var database = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "k7-contacts-sample-" + Guid.NewGuid().ToString("N")[..8], "contacts.db");
var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Services.AddK7Contacts(o => o.DatabasePath = database);
using var host = builder.Build();
await host.StartAsync();
Console.WriteLine($"Contacts database: {database}");

var directory = host.Services.GetRequiredService<ContactDirectory>();
var manager = ContactActor.OfficeManager(ContactId.Parse("201"));
var ellen = ContactId.Parse("202");
(string Id, string First, string Last, string Department)[] users =
[
    ("201", "Suzanne", "May", "Management"), ("202", "Ellen", "Green", "Sales"), ("203", "Gary", "Smith", "Sales"),
    ("207", "Tim", "Garcia", "Support"), ("210", "Maggie", "Matthews", "Support"),
];
foreach (var (id, first, last, department) in users)
{
    if (directory.Get(ContactId.Parse(id)) is null)
    {
        await directory.AddAsync(manager, new Contact
        {
            Id = ContactId.Parse(id),
            Kind = ContactKind.User,
            FirstName = first,
            LastName = last,
            Extension = id,
            Department = department,
        });
    }
}

await directory.SetFavoriteAsync(ellen, ContactId.Parse("207"), favorite: true);
directory.Presence.Set(ContactId.Parse("207"), PresenceState.Available, "In the office until 5");
directory.Presence.SetState(ContactId.Parse("210"), PresenceState.Busy);

const string outlook = "First Name,Last Name,E-mail Address,Business Phone,Mobile Phone,Primary Phone,Categories\r\n"
    + "José,Müller,jose@example.com,,(555) 123-1111,555-123-2222,Favorites\r\n"
    + "Bob,Jones,bob@example.com,555.123.3333,,,\r\n";
var import = await host.Services.GetRequiredService<ContactImporter>()
    .ImportAsync(ContactActor.User(ellen), new MemoryStream(Encoding.UTF8.GetBytes(outlook)));
Console.WriteLine($"Imported {import.Added.Count} contacts from {import.Format} ({import.Unchanged} unchanged).");

Print("Contacts (Name ▲)", directory.Search(ellen, new ContactQuery()));
Print("Online first", directory.Search(ellen, new ContactQuery { Sort = ContactSort.Online }));
Print("Search \"mul\"", directory.Search(ellen, new ContactQuery { Text = "mul" }));
Print("Favorites", directory.Search(ellen, new ContactQuery { Group = ContactGroup.Favorites }));

Console.WriteLine();
Console.WriteLine($"Export of Ellen's favourites ({ContactExporter.FileName(ContactGroup.Favorites, ContactFileFormat.VCard)}):");
Console.WriteLine(host.Services.GetRequiredService<ContactExporter>().Export(ellen, ContactGroup.Favorites, ContactFileFormat.VCard));
await host.StopAsync();

static void Print(string title, ContactSearchResult result)
{
    Console.WriteLine();
    Console.WriteLine($"{title}: {result.TotalCount}");
    foreach (var match in result.Items)
    {
        var c = match.Contact;
        var star = match.IsFavorite ? " ★" : string.Empty;
        var number = c.Extension ?? c.WorkNumber ?? c.MobileNumber ?? string.Empty;
        var message = match.Presence.Message is null ? string.Empty : $" \"{match.Presence.Message}\"";
        Console.WriteLine($"  {c.DisplayName + star,-22} {number,-14} {match.Presence.State}{message}");
    }
}
