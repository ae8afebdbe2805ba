using K7.Contacts.Storage;

namespace K7.Contacts.Tests;

public class ContactDirectoryTests
{
    private static readonly ContactId Ellen = TestDomain.Ellen;

    [Fact]
    public async Task Search_BeforeLoad_ThrowsSayingWhatToDo()
    {
        var sut = new ContactDirectory(new InMemoryContactStore(), new PresenceTracker(new NodaTime.Testing.FakeClock(default)), new ContactNumberNormalizer());
        var error = Assert.Throws<InvalidOperationException>(() => sut.Search(Ellen, new ContactQuery()));
        Assert.Contains("LoadAsync", error.Message, StringComparison.Ordinal);
        await sut.LoadAsync();
        Assert.Empty(sut.Search(Ellen, new ContactQuery()).Items);
    }

    [Fact]
    public async Task AddAsync_PersonalContact_OwnedByActor_NumbersNormalized()
    {
        var domain = await TestDomain.CreateAsync();
        var bob = await domain.Directory.AddAsync(ContactActor.User(Ellen), new Contact
        {
            Id = default,
            FirstName = "  Bob ",
            LastName = "Jones",
            MobileNumber = "(555) 123-1111",
            WorkNumber = "555.123.2222",
        });
        Assert.False(bob.Id.IsEmpty);
        Assert.Equal(Ellen, bob.OwnerId);
        Assert.Equal("Bob", bob.FirstName);
        Assert.Equal("+15551231111", bob.MobileNumber);
        Assert.Equal("+15551232222", bob.WorkNumber);
        var stored = await domain.Store.LoadAsync();
        Assert.Contains(stored.Contacts, c => c == bob);
        Assert.Contains("Bob Jones", domain.Names(Ellen, new ContactQuery { Group = ContactGroup.MyContacts }));
        Assert.DoesNotContain("Bob Jones", domain.Names(TestDomain.Gary, new ContactQuery()));
    }

    [Fact]
    public async Task AddAsync_BadNumber_NamesTheField_AndStoresNothing()
    {
        var domain = await TestDomain.CreateAsync();
        var error = await Assert.ThrowsAsync<ContactValidationException>(() => domain.Directory.AddAsync(
            ContactActor.User(Ellen),
            new Contact { Id = default, FirstName = "Bob", MobileNumber = "12ab" }));
        Assert.Equal("MobileNumber", error.Field);
        Assert.Contains("'12ab' is not a phone number", error.Reason, StringComparison.Ordinal);
        Assert.Equal(5, (await domain.Store.LoadAsync()).Contacts.Count);
    }

    [Theory]
    [InlineData("not-an-address", "Email")]
    [InlineData("Bob <bob@example.com>", "Email")]
    public async Task AddAsync_BadEmail_Refused(string email, string field)
    {
        var domain = await TestDomain.CreateAsync();
        var error = await Assert.ThrowsAsync<ContactValidationException>(() => domain.Directory.AddAsync(
            ContactActor.User(Ellen),
            new Contact { Id = default, FirstName = "Bob", Email = email }));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public async Task AddAsync_Empty_Refused()
    {
        var domain = await TestDomain.CreateAsync();
        var error = await Assert.ThrowsAsync<ContactValidationException>(() => domain.Directory.AddAsync(ContactActor.User(Ellen), new Contact { Id = default }));
        Assert.Contains("needs a name, a number or an e-mail", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAsync_NameTooLong_Refused()
    {
        var domain = await TestDomain.CreateAsync();
        var error = await Assert.ThrowsAsync<ContactValidationException>(() => domain.Directory.AddAsync(
            ContactActor.User(Ellen),
            new Contact { Id = default, FirstName = new string('a', Contact.MaxNameLength + 1) }));
        Assert.Equal("FirstName", error.Field);
    }

    [Fact]
    public async Task AddAsync_User_ByBasicUser_Unauthorized()
    {
        var domain = await TestDomain.CreateAsync();
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => domain.Directory.AddAsync(
            ContactActor.User(Ellen),
            TestDomain.User(ContactId.Parse("220"), "New", "Hire", "220")));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => domain.Directory.AddAsync(
            ContactActor.User(Ellen),
            new Contact { Id = default, Kind = ContactKind.Shared, FirstName = "Front", LastName = "Desk" }));
    }

    [Fact]
    public async Task AddAsync_UserWithTakenExtension_SaysWhoHasIt()
    {
        var domain = await TestDomain.CreateAsync();
        var error = await Assert.ThrowsAsync<ContactValidationException>(() => domain.Directory.AddAsync(
            TestDomain.Manager,
            TestDomain.User(ContactId.Parse("x202"), "Other", "Person", "202")));
        Assert.Equal("Extension", error.Field);
        Assert.Contains("Ellen Green", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAsync_UserWithoutExtension_Refused()
    {
        var domain = await TestDomain.CreateAsync();
        var error = await Assert.ThrowsAsync<ContactValidationException>(() => domain.Directory.AddAsync(
            TestDomain.Manager,
            new Contact { Id = ContactId.Parse("u9"), Kind = ContactKind.User, FirstName = "No", LastName = "Extension" }));
        Assert.Equal("Extension", error.Field);
    }

    [Fact]
    public async Task UpdateAsync_UserExtension_NeverChanges()
    {
        var domain = await TestDomain.CreateAsync();
        var tim = domain.Directory.Get(TestDomain.Tim)!;
        var error = await Assert.ThrowsAsync<ContactValidationException>(() => domain.Directory.UpdateAsync(TestDomain.Manager, tim with { Extension = "299" }));
        Assert.Equal("Extension", error.Field);
        Assert.Contains("it is 207", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateAsync_OwnEntry_ByUser_AllowedExceptSiteAndDepartment()
    {
        var domain = await TestDomain.CreateAsync();
        var ellen = domain.Directory.Get(Ellen)!;
        var updated = await domain.Directory.UpdateAsync(ContactActor.User(Ellen), ellen with { MobileNumber = "5559876543", ListInDirectory = false });
        Assert.Equal("+15559876543", updated.MobileNumber);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => domain.Directory.UpdateAsync(ContactActor.User(Ellen), updated with { Department = "Support" }));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => domain.Directory.UpdateAsync(ContactActor.User(Ellen), domain.Directory.Get(TestDomain.Tim)! with { FirstName = "Timothy" }));
    }

    [Fact]
    public async Task UpdateAsync_ListInDirectoryOff_HidesUserFromEveryone()
    {
        var domain = await TestDomain.CreateAsync();
        var gary = domain.Directory.Get(TestDomain.Gary)!;
        await domain.Directory.UpdateAsync(ContactActor.User(TestDomain.Gary), gary with { ListInDirectory = false });
        Assert.Equal(["Tim Garcia", "Ellen Green", "Maggie Matthews", "Suzanne May"], domain.Names(Ellen, new ContactQuery()));
    }

    [Fact]
    public async Task UpdateAsync_OtherUsersPersonalContact_NotFound()
    {
        var domain = await TestDomain.CreateAsync();
        var bob = await domain.Directory.AddAsync(ContactActor.User(Ellen), new Contact { Id = default, FirstName = "Bob" });
        await Assert.ThrowsAsync<KeyNotFoundException>(() => domain.Directory.UpdateAsync(ContactActor.User(TestDomain.Gary), bob with { FirstName = "Robert" }));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => domain.Directory.UpdateAsync(TestDomain.Manager, bob with { FirstName = "Robert" }));
    }

    [Fact]
    public async Task UpdateAsync_KindChange_Refused()
    {
        var domain = await TestDomain.CreateAsync();
        var bob = await domain.Directory.AddAsync(ContactActor.User(Ellen), new Contact { Id = default, FirstName = "Bob" });
        var error = await Assert.ThrowsAsync<ContactValidationException>(() => domain.Directory.UpdateAsync(ContactActor.User(Ellen), bob with { Kind = ContactKind.Shared, OwnerId = default }));
        Assert.Equal("Kind", error.Field);
    }

    [Fact]
    public async Task RemoveAsync_User_RemovesTheirContactsAndStarsEverywhere()
    {
        var domain = await TestDomain.CreateAsync();
        var d = domain.Directory;
        var bob = await d.AddAsync(ContactActor.User(TestDomain.Gary), new Contact { Id = default, FirstName = "Bob" });
        await d.SetFavoriteAsync(TestDomain.Gary, bob.Id, true);
        await d.SetFavoriteAsync(TestDomain.Gary, Ellen, true);
        await d.SetFavoriteAsync(Ellen, TestDomain.Gary, true);
        Assert.True(await d.RemoveAsync(TestDomain.Manager, TestDomain.Gary));
        Assert.Null(d.Get(TestDomain.Gary));
        Assert.Null(d.Get(bob.Id));
        Assert.Empty(d.GetFavorites(TestDomain.Gary));
        Assert.Empty(d.GetFavorites(Ellen));
        var stored = await domain.Store.LoadAsync();
        Assert.Empty(stored.Favorites);
        Assert.DoesNotContain(stored.Contacts, c => c.Id == bob.Id || c.Id == TestDomain.Gary);
        Assert.Null(d.FindUserByExtension("203"));
    }

    [Fact]
    public async Task RemoveAsync_Self_Refused()
    {
        var domain = await TestDomain.CreateAsync();
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => domain.Directory.RemoveAsync(TestDomain.Manager, TestDomain.Suzanne));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => domain.Directory.RemoveAsync(ContactActor.User(Ellen), TestDomain.Tim));
    }

    [Fact]
    public async Task RemoveAsync_Unknown_ReturnsFalse()
    {
        var domain = await TestDomain.CreateAsync();
        Assert.False(await domain.Directory.RemoveAsync(TestDomain.Manager, ContactId.Parse("nobody")));
    }

    [Fact]
    public async Task SetFavoriteAsync_StarIsPerUser_AndIdempotent()
    {
        var domain = await TestDomain.CreateAsync();
        Assert.True(await domain.Directory.SetFavoriteAsync(Ellen, TestDomain.Tim, true));
        Assert.False(await domain.Directory.SetFavoriteAsync(Ellen, TestDomain.Tim, true));
        Assert.Equal(["Tim Garcia"], domain.Names(Ellen, new ContactQuery { Group = ContactGroup.Favorites }));
        Assert.Empty(domain.Names(TestDomain.Gary, new ContactQuery { Group = ContactGroup.Favorites }));
        Assert.True(domain.Directory.Search(Ellen, new ContactQuery { Text = "tim" }).Items.Single().IsFavorite);
        Assert.True(await domain.Directory.SetFavoriteAsync(Ellen, TestDomain.Tim, false));
        Assert.Empty(domain.Names(Ellen, new ContactQuery { Group = ContactGroup.Favorites }));
    }

    [Fact]
    public async Task SetFavoriteAsync_InvisibleContact_NotFound()
    {
        var domain = await TestDomain.CreateAsync();
        var bob = await domain.Directory.AddAsync(ContactActor.User(Ellen), new Contact { Id = default, FirstName = "Bob" });
        await Assert.ThrowsAsync<KeyNotFoundException>(() => domain.Directory.SetFavoriteAsync(TestDomain.Gary, bob.Id, true));
    }

    [Fact]
    public async Task LoadAsync_FromStore_RestoresContactsAndStars()
    {
        var domain = await TestDomain.CreateAsync();
        var bob = await domain.Directory.AddAsync(ContactActor.User(Ellen), new Contact { Id = default, FirstName = "Bob" });
        await domain.Directory.SetFavoriteAsync(Ellen, bob.Id, true);
        var reopened = new ContactDirectory(domain.Store, new PresenceTracker(domain.Clock), new ContactNumberNormalizer());
        await reopened.LoadAsync();
        Assert.Equal(6, reopened.Count);
        Assert.Contains(bob.Id, reopened.GetFavorites(Ellen));
        Assert.Equal(bob, reopened.Get(bob.Id));
    }

    [Fact]
    public async Task Changes_StoreFails_DirectoryUnchanged()
    {
        var store = new FailingStore();
        var domain = await TestDomain.CreateAsync(store);
        store.Fail = true;
        await Assert.ThrowsAsync<IOException>(() => domain.Directory.AddAsync(ContactActor.User(Ellen), new Contact { Id = ContactId.Parse("bob"), FirstName = "Bob" }));
        await Assert.ThrowsAsync<IOException>(() => domain.Directory.SetFavoriteAsync(Ellen, TestDomain.Tim, true));
        await Assert.ThrowsAsync<IOException>(() => domain.Directory.RemoveAsync(TestDomain.Manager, TestDomain.Tim));
        Assert.Null(domain.Directory.Get(ContactId.Parse("bob")));
        Assert.Empty(domain.Directory.GetFavorites(Ellen));
        Assert.NotNull(domain.Directory.Get(TestDomain.Tim));
        Assert.Equal(5, domain.Directory.Count);
    }

    [Fact]
    public async Task FindUserByExtension_FindsUsersOnly()
    {
        var domain = await TestDomain.CreateAsync();
        await domain.Directory.AddAsync(ContactActor.User(Ellen), new Contact { Id = default, FirstName = "Bob", Extension = "555" });
        Assert.Equal("Tim Garcia", domain.Directory.FindUserByExtension("207")?.DisplayName);
        Assert.Null(domain.Directory.FindUserByExtension("555"));
    }

    private sealed class FailingStore : IContactStore
    {
        private readonly InMemoryContactStore _inner = new();

        public bool Fail { get; set; }

        public ValueTask<ContactStoreSnapshot> LoadAsync(CancellationToken cancellationToken = default) => _inner.LoadAsync(cancellationToken);

        public ValueTask ApplyAsync(ContactChangeSet changes, CancellationToken cancellationToken = default) =>
            Fail ? ValueTask.FromException(new IOException("disk full")) : _inner.ApplyAsync(changes, cancellationToken);
    }
}
