using System.Diagnostics;
using K7.Contacts.Storage;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace K7.Contacts.Tests.Storage;

public sealed class SqliteContactStoreTests : IDisposable
{
    private static readonly ContactId Ellen = ContactId.Parse("202@example.com");
    private static readonly ContactId Bob = ContactId.Parse("203");

    private readonly TempDirectory _root = new();
    private readonly ITestOutputHelper _output;

    public SqliteContactStoreTests(ITestOutputHelper output) => _output = output;

    private string DatabasePath => _root.File("contacts.db");

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Constructor_EmptyPath_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new SqliteContactStore(null!));
        Assert.Throws<ArgumentException>(() => new SqliteContactStore(" "));
    }

    [Fact]
    public async Task LoadAsync_MissingFolder_CreatesEmptyStoreAtVersion1InWalMode()
    {
        var path = Path.Combine(_root.Path, "a", "b", "contacts.db");
        using (var sut = new SqliteContactStore(path))
        {
            Assert.Equal(path, sut.DatabasePath);
            Assert.False(File.Exists(path));
            var snapshot = await sut.LoadAsync();
            Assert.Empty(snapshot.Contacts);
            Assert.Empty(snapshot.Favorites);
        }

        Assert.Equal(1L, Scalar(path, "PRAGMA user_version"));
        Assert.Equal("wal", Scalar(path, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task ApplyAsync_EveryField_RoundTripsExactlyAfterReopen()
    {
        Contact[] contacts =
        [
            new() { Id = ContactId.Parse("a-nulls"), Kind = ContactKind.Shared },
            new()
            {
                Id = ContactId.Parse("b-empties"),
                Kind = ContactKind.Personal,
                OwnerId = Ellen,
                FirstName = string.Empty,
                LastName = string.Empty,
                Extension = string.Empty,
                WorkNumber = string.Empty,
                MobileNumber = string.Empty,
                HomeNumber = string.Empty,
                FaxNumber = string.Empty,
                Email = string.Empty,
                Site = string.Empty,
                Department = string.Empty,
                ListInDirectory = false,
            },
            new()
            {
                Id = Ellen,
                Kind = ContactKind.User,
                FirstName = "Ellen 😀",
                LastName = "Ødegård-Müller",
                Extension = "202",
                WorkNumber = "+15551231111",
                MobileNumber = "+4915112345678",
                HomeNumber = "+33123456789",
                FaxNumber = "+15551239999",
                Email = "ellen@example.com",
                Site = "東京",
                Department = "Sales\0\t\"quoted\" 'x'; DROP TABLE contacts; --",
                ListInDirectory = false,
            },
            new() { Id = Bob, Kind = ContactKind.User, FirstName = " spaced ", Extension = "203", ListInDirectory = true },
        ];
        ContactFavorite[] favorites = [new(Ellen, Bob), new(Bob, Ellen), new(Ellen, ContactId.Parse("a-nulls"))];

        using (var sut = new SqliteContactStore(DatabasePath))
        {
            await sut.ApplyAsync(new ContactChangeSet { Upserts = contacts, FavoritesAdded = favorites });
            AssertSnapshot(contacts, favorites, await sut.LoadAsync());
        }

        using var reopened = new SqliteContactStore(DatabasePath);
        var snapshot = await reopened.LoadAsync();
        AssertSnapshot(contacts, favorites, snapshot);
        var nulls = snapshot.Contacts.Single(c => c.Id.Value == "a-nulls");
        Assert.True(nulls.OwnerId.IsEmpty);
        Assert.Null(nulls.Extension);
        Assert.Null(nulls.Department);
        var empties = snapshot.Contacts.Single(c => c.Id.Value == "b-empties");
        Assert.Equal(string.Empty, empties.Email);
        Assert.Equal(string.Empty, empties.FaxNumber);
    }

    [Fact]
    public async Task ApplyAsync_SameIdAgain_ReplacesEveryField()
    {
        using var sut = new SqliteContactStore(DatabasePath);
        var first = new Contact { Id = Bob, Kind = ContactKind.User, FirstName = "Bob", Extension = "203", Email = "bob@example.com", Site = "Berlin" };
        var second = new Contact { Id = Bob, Kind = ContactKind.Personal, OwnerId = Ellen, LastName = "Builder", ListInDirectory = false };
        await sut.ApplyAsync(new ContactChangeSet { Upserts = [first] });
        await sut.ApplyAsync(new ContactChangeSet { Upserts = [second] });

        var snapshot = await sut.LoadAsync();
        Assert.Equal(second, Assert.Single(snapshot.Contacts));
    }

    [Fact]
    public async Task ApplyAsync_DuplicateIdInOneSet_LastWins()
    {
        using var sut = new SqliteContactStore(DatabasePath);
        var first = new Contact { Id = Bob, FirstName = "first" };
        var last = new Contact { Id = Bob, FirstName = "last" };
        await sut.ApplyAsync(new ContactChangeSet { Upserts = [first, last] });
        Assert.Equal(last, Assert.Single((await sut.LoadAsync()).Contacts));
    }

    [Fact]
    public async Task ApplyAsync_Delete_RemovesContactButNotItsStarsUnlessListed()
    {
        using var sut = new SqliteContactStore(DatabasePath);
        var bob = new Contact { Id = Bob, FirstName = "Bob" };
        var ellen = new Contact { Id = Ellen, FirstName = "Ellen" };
        await sut.ApplyAsync(new ContactChangeSet { Upserts = [bob, ellen], FavoritesAdded = [new(Ellen, Bob), new(Bob, Ellen)] });

        await sut.ApplyAsync(new ContactChangeSet { Deletes = [Bob, ContactId.Parse("never-stored")], FavoritesRemoved = [new(Ellen, Bob)] });

        var snapshot = await sut.LoadAsync();
        Assert.Equal(ellen, Assert.Single(snapshot.Contacts));
        Assert.Equal(new ContactFavorite(Bob, Ellen), Assert.Single(snapshot.Favorites));
    }

    [Fact]
    public async Task ApplyAsync_DeleteAndUpsertSameId_UpsertWins()
    {
        using var sut = new SqliteContactStore(DatabasePath);
        await sut.ApplyAsync(new ContactChangeSet { Upserts = [new Contact { Id = Bob, FirstName = "old" }] });
        var fresh = new Contact { Id = Bob, FirstName = "new" };
        await sut.ApplyAsync(new ContactChangeSet { Deletes = [Bob], Upserts = [fresh] });
        Assert.Equal(fresh, Assert.Single((await sut.LoadAsync()).Contacts));
    }

    [Fact]
    public async Task ApplyAsync_FavoritesTwiceOrAbsent_AreIdempotent()
    {
        using var sut = new SqliteContactStore(DatabasePath);
        var star = new ContactFavorite(Ellen, Bob);
        await sut.ApplyAsync(new ContactChangeSet { FavoritesAdded = [star, star] });
        await sut.ApplyAsync(new ContactChangeSet { FavoritesAdded = [star] });
        Assert.Equal(star, Assert.Single((await sut.LoadAsync()).Favorites));

        await sut.ApplyAsync(new ContactChangeSet { FavoritesRemoved = [star, new(Bob, Ellen)] });
        await sut.ApplyAsync(new ContactChangeSet { FavoritesRemoved = [star] });
        Assert.Empty((await sut.LoadAsync()).Favorites);

        // Cleared and set in one set: set wins, as stars are set after they are cleared.
        await sut.ApplyAsync(new ContactChangeSet { FavoritesRemoved = [star], FavoritesAdded = [star] });
        Assert.Equal(star, Assert.Single((await sut.LoadAsync()).Favorites));
    }

    [Fact]
    public async Task Dispose_ThenReopen_SeesDataAndFileCanBeDeleted()
    {
        var contact = new Contact { Id = Bob, FirstName = "Bob" };
        using (var sut = new SqliteContactStore(DatabasePath))
        {
            await sut.ApplyAsync(new ContactChangeSet { Upserts = [contact], FavoritesAdded = [new(Ellen, Bob)] });
        }

        using (var sut = new SqliteContactStore(DatabasePath))
        {
            var snapshot = await sut.LoadAsync();
            Assert.Equal(contact, Assert.Single(snapshot.Contacts));
            Assert.Equal(new ContactFavorite(Ellen, Bob), Assert.Single(snapshot.Favorites));
        }

        // Nothing holds the file any more: it can be deleted, and a new store starts empty.
        File.Delete(DatabasePath);
        Assert.False(File.Exists(DatabasePath + "-wal"));
        using var again = new SqliteContactStore(DatabasePath);
        Assert.Empty((await again.LoadAsync()).Contacts);
    }

    [Fact]
    public async Task Dispose_Twice_IsHarmless_AndLaterCallsThrow()
    {
        var sut = new SqliteContactStore(DatabasePath);
        await sut.LoadAsync();
        sut.Dispose();
        sut.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => sut.LoadAsync().AsTask());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => sut.ApplyAsync(new ContactChangeSet()).AsTask());
    }

    [Fact]
    public async Task ApplyAsync_UndefinedKindMidway_RollsBackEverything()
    {
        using var sut = new SqliteContactStore(DatabasePath);
        var before = await SeedAsync(sut);

        var changes = new ContactChangeSet
        {
            Deletes = [Bob],
            FavoritesRemoved = [new(Ellen, Bob)],
            Upserts =
            [
                new Contact { Id = ContactId.Parse("fresh-1"), FirstName = "Fresh" },
                new Contact { Id = Ellen, FirstName = "Changed" },
                new Contact { Id = ContactId.Parse("bad"), Kind = (ContactKind)7 },
                new Contact { Id = ContactId.Parse("fresh-2"), FirstName = "Never" },
            ],
            FavoritesAdded = [new(Bob, Bob)],
        };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => sut.ApplyAsync(changes).AsTask());
        Assert.Contains("'bad'", ex.Message, StringComparison.Ordinal);
        AssertSnapshot(before, await sut.LoadAsync());

        // The store still works, and a good change set after the failed one applies in full.
        await sut.ApplyAsync(new ContactChangeSet { Deletes = [Bob] });
        Assert.DoesNotContain((await sut.LoadAsync()).Contacts, c => c.Id == Bob);
    }

    [Fact]
    public async Task ApplyAsync_ConstraintViolationInSqlite_RollsBackEverything()
    {
        using var sut = new SqliteContactStore(DatabasePath);
        var before = await SeedAsync(sut);

        // A trigger stands in for a failure deep inside SQLite (a full disk, an I/O error): the third statement fails.
        Execute(DatabasePath, "CREATE TRIGGER refuse AFTER INSERT ON favorites WHEN NEW.owner_id = 'boom' BEGIN SELECT RAISE(ABORT, 'refused'); END");
        var changes = new ContactChangeSet
        {
            Deletes = [Ellen],
            Upserts = [new Contact { Id = ContactId.Parse("fresh"), FirstName = "Fresh" }],
            FavoritesAdded = [new(Bob, Bob), new(ContactId.Parse("boom"), Bob)],
        };

        var ex = await Assert.ThrowsAsync<SqliteException>(() => sut.ApplyAsync(changes).AsTask());
        Assert.Contains("refused", ex.Message, StringComparison.Ordinal);
        AssertSnapshot(before, await sut.LoadAsync());
    }

    [Fact]
    public async Task ApplyAsync_Cancelled_StoresNothing()
    {
        using var sut = new SqliteContactStore(DatabasePath);
        var before = await SeedAsync(sut);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var changes = new ContactChangeSet { Deletes = [Bob], Upserts = [new Contact { Id = ContactId.Parse("fresh") }], FavoritesAdded = [new(Bob, Bob)] };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sut.ApplyAsync(changes, cancellation.Token).AsTask());
        AssertSnapshot(before, await sut.LoadAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task ApplyAsync_UnpairedSurrogate_IsRefusedAndStoresNothing(int index)
    {
        // Built here: test data passed through the runner would have its lone surrogates replaced already.
        var text = new[] { "x\uD800y", "\uDC00", "end\uD83D", "\uDE00\uD83D" }[index];
        using var sut = new SqliteContactStore(DatabasePath);
        var before = await SeedAsync(sut);
        var changes = new ContactChangeSet { Deletes = [Bob], Upserts = [new Contact { Id = ContactId.Parse("odd"), Email = text }] };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => sut.ApplyAsync(changes).AsTask());
        Assert.Contains("email", ex.Message, StringComparison.Ordinal);
        AssertSnapshot(before, await sut.LoadAsync());
    }

    [Fact]
    public async Task ApplyAsync_InvalidEntries_AreRefused()
    {
        using var sut = new SqliteContactStore(DatabasePath);
        await Assert.ThrowsAsync<ArgumentNullException>(() => sut.ApplyAsync(null!).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => sut.ApplyAsync(new ContactChangeSet { Upserts = [new Contact { Id = default }] }).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => sut.ApplyAsync(new ContactChangeSet { Upserts = [null!] }).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => sut.ApplyAsync(new ContactChangeSet { Upserts = [new Contact { Id = Bob, FirstName = null! }] }).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => sut.ApplyAsync(new ContactChangeSet { Deletes = [default] }).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => sut.ApplyAsync(new ContactChangeSet { FavoritesAdded = [new(Bob, default)] }).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => sut.ApplyAsync(new ContactChangeSet { FavoritesRemoved = [new(default, Bob)] }).AsTask());
        var snapshot = await sut.LoadAsync();
        Assert.Empty(snapshot.Contacts);
        Assert.Empty(snapshot.Favorites);
    }

    [Fact]
    public async Task LoadAsync_NewerSchemaVersion_IsRefusedAndFileLeftUntouched()
    {
        Execute(DatabasePath, "PRAGMA user_version = 2");
        var bytes = await File.ReadAllBytesAsync(DatabasePath);

        using var sut = new SqliteContactStore(DatabasePath);
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => sut.LoadAsync().AsTask());
        Assert.Contains("schema version 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("reads schema version 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains(DatabasePath, ex.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => sut.ApplyAsync(new ContactChangeSet()).AsTask());
        sut.Dispose();

        Assert.Equal(bytes, await File.ReadAllBytesAsync(DatabasePath));
    }

    [Fact]
    public async Task LoadAsync_GarbageFile_ThrowsInvalidDataNamingThePath()
    {
        var garbage = new byte[8192];
        new Random(42).NextBytes(garbage);
        await File.WriteAllBytesAsync(DatabasePath, garbage);

        using var sut = new SqliteContactStore(DatabasePath);
        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => sut.LoadAsync().AsTask());
        Assert.Contains(DatabasePath, ex.Message, StringComparison.Ordinal);
        Assert.IsType<SqliteException>(ex.InnerException);
        await Assert.ThrowsAsync<InvalidDataException>(() => sut.ApplyAsync(new ContactChangeSet { Deletes = [Bob] }).AsTask());
        Assert.Equal(garbage, await File.ReadAllBytesAsync(DatabasePath));
    }

    [Fact]
    public async Task LoadAsync_PathIsAFolder_ThrowsIOExceptionNamingThePath()
    {
        Directory.CreateDirectory(DatabasePath);
        using var sut = new SqliteContactStore(DatabasePath);
        var ex = await Assert.ThrowsAnyAsync<IOException>(() => sut.LoadAsync().AsTask());
        Assert.Contains(DatabasePath, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kind", "5", "'5'")]
    [InlineData("kind", "-1", "'-1'")]
    [InlineData("kind", "'user'", "'user'")]
    [InlineData("list_in_directory", "2", "'2'")]
    [InlineData("owner_id", "'not valid!'", "'not valid!'")]
    public async Task LoadAsync_UnreadableValue_ThrowsInvalidDataNamingRowAndColumn(string column, string value, string shown)
    {
        using (var sut = new SqliteContactStore(DatabasePath))
        {
            await sut.ApplyAsync(new ContactChangeSet { Upserts = [new Contact { Id = Bob, Kind = ContactKind.User }, new Contact { Id = Ellen }] });
        }

        Execute(DatabasePath, $"PRAGMA ignore_check_constraints = ON; UPDATE contacts SET {column} = {value} WHERE id = '203'");

        using var reopened = new SqliteContactStore(DatabasePath);
        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => reopened.LoadAsync().AsTask());
        Assert.Contains("'203'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(column, ex.Message, StringComparison.Ordinal);
        Assert.Contains(shown, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_ConcurrentCalls_AllLand()
    {
        using var sut = new SqliteContactStore(DatabasePath);
        var tasks = Enumerable.Range(0, 16)
            .Select(i => Task.Run(async () =>
            {
                var id = ContactId.Parse("c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                await sut.ApplyAsync(new ContactChangeSet { Upserts = [new Contact { Id = id, FirstName = "n" }], FavoritesAdded = [new(Ellen, id)] });
                await sut.LoadAsync();
            }))
            .ToArray();
        await Task.WhenAll(tasks);

        var snapshot = await sut.LoadAsync();
        Assert.Equal(16, snapshot.Contacts.Count);
        Assert.Equal(16, snapshot.Favorites.Count);
    }

    [Fact]
    public async Task ApplyAsync_HundredThousandUpserts_OneTransactionThenLoadsBack()
    {
        const int Count = 100_000;
        var contacts = new Contact[Count];
        var favorites = new ContactFavorite[Count / 10];
        for (var i = 0; i < Count; i++)
        {
            var n = i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            contacts[i] = new Contact
            {
                Id = ContactId.Parse("c" + n),
                Kind = (ContactKind)(i % 3),
                OwnerId = i % 3 == 0 ? Ellen : default,
                FirstName = "First" + n,
                LastName = "Last" + n,
                Extension = i % 3 == 2 ? n : null,
                WorkNumber = "+1555" + n,
                MobileNumber = i % 2 == 0 ? "+1666" + n : null,
                Email = "user" + n + "@example.com",
                Site = i % 5 == 0 ? "Berlin" : null,
                Department = i % 7 == 0 ? "Sales" : null,
                ListInDirectory = i % 11 != 0,
            };
        }

        for (var i = 0; i < favorites.Length; i++)
        {
            favorites[i] = new ContactFavorite(Ellen, contacts[i * 10].Id);
        }

        using var sut = new SqliteContactStore(DatabasePath);
        await sut.LoadAsync();
        var watch = Stopwatch.StartNew();
        await sut.ApplyAsync(new ContactChangeSet { Upserts = contacts, FavoritesAdded = favorites });
        var applied = watch.Elapsed;
        sut.Dispose();

        using var reopened = new SqliteContactStore(DatabasePath);
        watch.Restart();
        var snapshot = await reopened.LoadAsync();
        var loaded = watch.Elapsed;
        _output.WriteLine($"Applied {Count:N0} upserts and {favorites.Length:N0} stars in {applied.TotalMilliseconds:F0} ms; loaded them in {loaded.TotalMilliseconds:F0} ms (open included).");

        Assert.Equal(contacts, snapshot.Contacts);
        Assert.Equal(favorites, snapshot.Favorites);
    }

    private static async Task<ContactStoreSnapshot> SeedAsync(SqliteContactStore store)
    {
        await store.ApplyAsync(new ContactChangeSet
        {
            Upserts =
            [
                new Contact { Id = Bob, Kind = ContactKind.User, FirstName = "Bob", Extension = "203" },
                new Contact { Id = Ellen, Kind = ContactKind.User, FirstName = "Ellen", Extension = "202" },
            ],
            FavoritesAdded = [new(Ellen, Bob)],
        });
        return await store.LoadAsync();
    }

    private static void AssertSnapshot(IEnumerable<Contact> contacts, IEnumerable<ContactFavorite> favorites, ContactStoreSnapshot actual) =>
        AssertSnapshot(new ContactStoreSnapshot([.. contacts], [.. favorites]), actual);

    private static void AssertSnapshot(ContactStoreSnapshot expected, ContactStoreSnapshot actual)
    {
        Assert.Equal(expected.Contacts.OrderBy(c => c.Id), actual.Contacts.OrderBy(c => c.Id));
        Assert.Equal(
            expected.Favorites.OrderBy(f => f.OwnerId).ThenBy(f => f.ContactId),
            actual.Favorites.OrderBy(f => f.OwnerId).ThenBy(f => f.ContactId));
    }

    private static SqliteConnection OpenRaw(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static object? Scalar(string path, string sql)
    {
        using var connection = OpenRaw(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(string path, string sql)
    {
        using var connection = OpenRaw(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
