using K7.Contacts;
using K7.SampleHost.Domain;
using K7.SampleHost.Seed;

namespace K7.SampleHost.Contacts;

/// <summary>
/// The Contacts page of the guide's chapter 5: every user of the domain as a user contact, Ellen Green's personal
/// contact Bob Jones, two shared contacts of the office, and Ellen's star on Tim Garcia ("Tim Garcia ★").
/// </summary>
internal sealed class ContactsDemoSeed(ContactDirectory directory, UserContactSync sync, UserDirectory users) : IDemoSeed
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await directory.LoadAsync(cancellationToken).ConfigureAwait(false);
        foreach (var user in users.All)
        {
            await sync.SyncAsync(user, cancellationToken).ConfigureAwait(false);
        }

        var ellen = ContactId.Parse("202");
        var manager = ContactActor.OfficeManager(ContactId.Parse("201"));
        await directory.AddAsync(
            ContactActor.User(ellen),
            new Contact { Id = default, Kind = ContactKind.Personal, FirstName = "Bob", LastName = "Jones", MobileNumber = "(555) 123-1111", Email = "bob.jones@example.com" },
            cancellationToken).ConfigureAwait(false);
        await directory.AddAsync(
            manager,
            new Contact { Id = default, Kind = ContactKind.Shared, FirstName = "Front", LastName = "Desk", WorkNumber = "(555) 555-0100" },
            cancellationToken).ConfigureAwait(false);
        await directory.AddAsync(
            manager,
            new Contact { Id = default, Kind = ContactKind.Shared, FirstName = "IT", LastName = "Help Desk", WorkNumber = "(555) 555-0199", Email = "help@k7.example" },
            cancellationToken).ConfigureAwait(false);
        await directory.SetFavoriteAsync(ellen, ContactId.Parse("207"), favorite: true, cancellationToken).ConfigureAwait(false);
    }
}
