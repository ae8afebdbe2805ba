using System.Globalization;
using K7.Contacts.Storage;

namespace K7.Contacts.CrashWorker;

/// <summary>
/// Applies numbered change sets to a SQLite contact store forever, until it is killed, and writes the number of each
/// batch to standard output once <see cref="SqliteContactStore.ApplyAsync"/> has returned (the batch is committed).
/// </summary>
/// <remarks>
/// Usage: <c>K7.Contacts.CrashWorker &lt;database file&gt; &lt;contacts per batch&gt;</c>. Batch <c>k</c> upserts the
/// contacts <c>b{k}-{i}</c> (first name <c>batch-{k}</c>, last name <c>i</c>), replaces the contact <c>latest</c>
/// (first name <c>batch-{k}</c>), stars every fourth new contact for the owner <c>fan-{k}</c>, and clears the star that
/// batch <c>k-1</c> set on <c>latest</c> before setting its own. Numbering continues after the highest stored batch.
/// </remarks>
public static class Program
{
    public static readonly ContactId Latest = ContactId.Parse("latest");

    public static async Task<int> Main(string[] args)
    {
        if (args.Length < 2)
        {
            await Console.Error.WriteLineAsync("usage: K7.Contacts.CrashWorker <database file> <contacts per batch>");
            return 2;
        }

        var perBatch = int.Parse(args[1], CultureInfo.InvariantCulture);
        using var store = new SqliteContactStore(args[0]);
        var snapshot = await store.LoadAsync();
        var batch = snapshot.Contacts.Where(c => c.Id == Latest).Select(c => BatchOf(c.FirstName)).SingleOrDefault();

        while (true)
        {
            batch++;
            await store.ApplyAsync(Batch(batch, perBatch));
            Console.Out.WriteLine(batch.ToString(CultureInfo.InvariantCulture));
            Console.Out.Flush();
        }
    }

    public static string Name(long batch) => "batch-" + batch.ToString(CultureInfo.InvariantCulture);

    public static long BatchOf(string firstName) => long.Parse(firstName.AsSpan("batch-".Length), CultureInfo.InvariantCulture);

    public static ContactId Fan(long batch) => ContactId.Parse("fan-" + batch.ToString(CultureInfo.InvariantCulture));

    public static ContactId Member(long batch, int index) =>
        ContactId.Parse("b" + batch.ToString(CultureInfo.InvariantCulture) + "-" + index.ToString(CultureInfo.InvariantCulture));

    private static ContactChangeSet Batch(long batch, int perBatch)
    {
        var upserts = new List<Contact>(perBatch + 1);
        var stars = new List<ContactFavorite>();
        for (var i = 0; i < perBatch; i++)
        {
            var id = Member(batch, i);
            upserts.Add(new Contact
            {
                Id = id,
                Kind = ContactKind.Shared,
                FirstName = Name(batch),
                LastName = i.ToString(CultureInfo.InvariantCulture),
                WorkNumber = "+1555" + i.ToString("D7", CultureInfo.InvariantCulture),
            });
            if (i % 4 == 0)
            {
                stars.Add(new ContactFavorite(Fan(batch), id));
            }
        }

        upserts.Add(new Contact { Id = Latest, Kind = ContactKind.Shared, FirstName = Name(batch) });
        stars.Add(new ContactFavorite(Fan(batch), Latest));
        return new ContactChangeSet
        {
            Upserts = upserts,
            FavoritesAdded = stars,
            FavoritesRemoved = batch > 1 ? [new ContactFavorite(Fan(batch - 1), Latest)] : [],
        };
    }
}
