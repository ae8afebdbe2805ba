using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using K7.Contacts.Storage;

namespace K7.Contacts.Tests.Storage;

/// <summary>
/// Random sequences of change sets applied to the in-memory store (the model) and to the SQLite store, which is
/// reopened from disk now and then; after every step both hold the same contacts and stars.
/// </summary>
public sealed class SqliteContactStorePropertyTests
{
    // Few identifiers, so that change sets replace, delete and re-star the same contacts often.
    private static readonly ContactId[] Ids = [.. new[] { "202", "203", "c-1", "c-2", "ellen@example.com", "x" }.Select(ContactId.Parse)];

    private static readonly string?[] Texts =
    [
        null, string.Empty, " ", "Ellen", "ellen", "Ødegård", "東京", "😀", "a\0b", "+15551231111", "201", "O'Brien; --", "\"",
    ];

    [Property(MaxTest = 100)]
    public Property SqliteStore_RandomChangeSets_AgreesWithInMemoryStore() =>
        Prop.ForAll(ScenarioGen().ToArbitrary(), steps =>
        {
            using var root = new TempDirectory();
            var path = root.File("contacts.db");
            var model = new InMemoryContactStore();
            var store = new SqliteContactStore(path);
            try
            {
                foreach (var step in steps)
                {
                    if (step is null)
                    {
                        store.Dispose();
                        store = new SqliteContactStore(path);
                    }
                    else
                    {
                        model.ApplyAsync(step).AsTask().GetAwaiter().GetResult();
                        store.ApplyAsync(step).AsTask().GetAwaiter().GetResult();
                    }

                    AssertSame(model.LoadAsync().AsTask().GetAwaiter().GetResult(), store.LoadAsync().AsTask().GetAwaiter().GetResult());
                }

                store.Dispose();
                store = new SqliteContactStore(path);
                AssertSame(model.LoadAsync().AsTask().GetAwaiter().GetResult(), store.LoadAsync().AsTask().GetAwaiter().GetResult());
            }
            finally
            {
                store.Dispose();
            }
        });

    private static void AssertSame(ContactStoreSnapshot expected, ContactStoreSnapshot actual)
    {
        Assert.Equal(expected.Contacts.OrderBy(c => c.Id), actual.Contacts.OrderBy(c => c.Id));
        Assert.Equal(
            expected.Favorites.OrderBy(f => f.OwnerId).ThenBy(f => f.ContactId),
            actual.Favorites.OrderBy(f => f.OwnerId).ThenBy(f => f.ContactId));
    }

    /// <summary>A list of steps: a change set, or <see langword="null"/> to reopen the SQLite store from disk.</summary>
    private static Gen<ContactChangeSet?[]> ScenarioGen() =>
        from length in Gen.Choose(1, 12)
        from steps in Gen.ArrayOf(Gen.Frequency((4, ChangeSetGen().Select(c => (ContactChangeSet?)c)), (1, Gen.Constant((ContactChangeSet?)null))), length)
        select steps;

    private static Gen<ContactChangeSet> ChangeSetGen() =>
        from upserts in ListGen(ContactGen(), 6)
        from deletes in ListGen(Gen.Elements(Ids), 3)
        from added in ListGen(FavoriteGen(), 4)
        from removed in ListGen(FavoriteGen(), 3)
        select new ContactChangeSet { Upserts = upserts, Deletes = deletes, FavoritesAdded = added, FavoritesRemoved = removed };

    private static Gen<T[]> ListGen<T>(Gen<T> item, int max) =>
        from count in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, max)))
        from items in Gen.ArrayOf(item, count)
        select items;

    private static Gen<ContactFavorite> FavoriteGen() =>
        from owner in Gen.Elements(Ids)
        from contact in Gen.Elements(Ids)
        select new ContactFavorite(owner, contact);

    private static Gen<string?> TextGen() =>
        Gen.Frequency(
            (3, Gen.Elements(Texts)),
            (1, from chars in Gen.ArrayOf(Gen.Elements("aZ0 -+@.éß\u00A0\t\n€😀".EnumerateRunes().Select(r => r.ToString()).ToArray()))
                select (string?)string.Concat(chars)));

    private static Gen<Contact> ContactGen() =>
        from id in Gen.Elements(Ids)
        from kind in Gen.Elements(ContactKind.Personal, ContactKind.Shared, ContactKind.User)
        from hasOwner in Gen.Elements(true, false)
        from owner in Gen.Elements(Ids)
        from first in TextGen()
        from last in TextGen()
        from numbers in Gen.ArrayOf(TextGen(), 5)
        from email in TextGen()
        from site in TextGen()
        from department in TextGen()
        from listed in Gen.Elements(true, false)
        select new Contact
        {
            Id = id,
            Kind = kind,
            OwnerId = hasOwner ? owner : default,
            FirstName = first ?? string.Empty,
            LastName = last ?? string.Empty,
            Extension = numbers[0],
            WorkNumber = numbers[1],
            MobileNumber = numbers[2],
            HomeNumber = numbers[3],
            FaxNumber = numbers[4],
            Email = email,
            Site = site,
            Department = department,
            ListInDirectory = listed,
        };
}
