using K7.Contacts.Storage;
using NodaTime;
using NodaTime.Testing;

namespace K7.Contacts.Tests;

/// <summary>The demo domain of the user-portal guide, in a directory over an in-memory store.</summary>
internal sealed class TestDomain
{
    public static readonly ContactId Suzanne = ContactId.Parse("201");
    public static readonly ContactId Ellen = ContactId.Parse("202");
    public static readonly ContactId Gary = ContactId.Parse("203");
    public static readonly ContactId Tim = ContactId.Parse("207");
    public static readonly ContactId Maggie = ContactId.Parse("210");

    private TestDomain(IContactStore store, FakeClock clock, ContactDirectory directory)
    {
        Store = store;
        Clock = clock;
        Directory = directory;
    }

    public IContactStore Store { get; }

    public FakeClock Clock { get; }

    public ContactDirectory Directory { get; }

    public PresenceTracker Presence => Directory.Presence;

    public static ContactActor Manager => ContactActor.OfficeManager(Suzanne);

    public static async Task<TestDomain> CreateAsync(IContactStore? store = null, bool seed = true)
    {
        store ??= new InMemoryContactStore();
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 26, 9, 0));
        var directory = new ContactDirectory(store, new PresenceTracker(clock), new ContactNumberNormalizer("US"));
        if (seed)
        {
            await store.ApplyAsync(new ContactChangeSet
            {
                Upserts =
                [
                    User(Suzanne, "Suzanne", "May", "201", site: "Main", department: "Management"),
                    User(Ellen, "Ellen", "Green", "202", site: "Main", department: "Sales"),
                    User(Gary, "Gary", "Smith", "203", site: "Branch", department: "Sales"),
                    User(Tim, "Tim", "Garcia", "207", site: "Branch", department: "Support"),
                    User(Maggie, "Maggie", "Matthews", "210", site: "Main", department: "Support"),
                ],
            });
        }

        await directory.LoadAsync();
        return new TestDomain(store, clock, directory);
    }

    public static Contact User(ContactId id, string first, string last, string extension, string? site = null, string? department = null) => new()
    {
        Id = id,
        Kind = ContactKind.User,
        FirstName = first,
        LastName = last,
        Extension = extension,
        Site = site,
        Department = department,
        Email = $"{first.ToLowerInvariant()}@example.com",
    };

    public IReadOnlyList<string> Names(ContactId viewer, ContactQuery query) =>
        Directory.Search(viewer, query).Items.Select(m => m.Contact.DisplayName).ToList();
}
