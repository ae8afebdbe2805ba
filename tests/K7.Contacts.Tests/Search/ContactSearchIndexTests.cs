using K7.Contacts.Search;
using NodaTime;
using NodaTime.Testing;

namespace K7.Contacts.Tests.Search;

public class ContactSearchIndexTests
{
    private static readonly ContactId Viewer = ContactId.Parse("201");
    private static readonly ContactId Other = ContactId.Parse("209");

    private static readonly Contact Tim = User("201", "Tim", "Garcia", "201") with { WorkNumber = "+15551230001", Site = "Boston", Department = "Sales" };
    private static readonly Contact Ellen = User("202", "Ellen", "Green", "202") with { MobileNumber = "+15551231111", Site = "Zürich", Department = "Support" };
    private static readonly Contact Maggie = User("203", "Maggie", "Matthews", "203") with { Site = "boston" };
    private static readonly Contact Suzanne = User("204", "Suzanne", "May", "204") with { Department = "Sales" };

    private readonly PresenceTracker _presence = new(new FakeClock(Instant.FromUtc(2026, 11, 26, 9, 0)));
    private readonly HashSet<ContactId> _favorites = [Tim.Id];
    private readonly ReferenceContactSearch _reference = new([]);

    [Fact]
    public void Search_SeedUsers_SortedByLastName_WithFavoriteStar()
    {
        var sut = CreateSut(Suzanne, Maggie, Ellen, Tim);
        var result = Search(sut, new ContactQuery());
        Assert.Equal(["Tim Garcia", "Ellen Green", "Maggie Matthews", "Suzanne May"], Names(result));
        Assert.Equal(4, result.TotalCount);
        Assert.True(result.Items[0].IsFavorite);
        Assert.All(result.Items.Skip(1), m => Assert.False(m.IsFavorite));
    }

    [Theory]
    [InlineData("jose")]
    [InlineData("JOSÉ")]
    [InlineData("José")]
    [InlineData("jose\u0301")]
    public void Search_AccentsAndCase_AreIgnored(string text)
    {
        var sut = CreateSut(Ellen, Shared("s1", "José", "Müller"));
        Assert.Equal(["José Müller"], Names(Search(sut, new ContactQuery { Text = text })));
    }

    [Theory]
    [InlineData("muller", "Jürgen Müller")]
    [InlineData("strasse", "Anna Straße")]
    [InlineData("lukasz", "Łukasz Wałęsa")]
    [InlineData("walesa", "Łukasz Wałęsa")]
    [InlineData("soren", "Søren Ærø")]
    [InlineData("aero", "Søren Ærø")]
    [InlineData("dorde", "Đorđe Œuvre")]
    [InlineData("oeuvre", "Đorđe Œuvre")]
    public void Search_FoldsLatinLetters(string text, string expected)
    {
        var sut = CreateSut(
            Shared("s1", "Jürgen", "Müller"),
            Shared("s2", "Anna", "Straße"),
            Shared("s3", "Łukasz", "Wałęsa"),
            Shared("s4", "Søren", "Ærø"),
            Shared("s5", "Đorđe", "Œuvre"));
        Assert.Equal([expected], Names(Search(sut, new ContactQuery { Text = text })));
    }

    [Fact]
    public void TextFolding_NormalizeIsNoOpUnderInvariantGlobalization_SoTheTableIsNeeded()
    {
        Assert.Equal("jose muller strasse", TextFolding.Fold("  José\tMüller   STRASSE "));
        Assert.Equal("ss ae o l d oe th", TextFolding.Fold("ß Æ Ø Ł Đ Œ Þ"));
    }

    [Theory]
    [InlineData("ellen gr")]
    [InlineData("Ellen  Green")]
    [InlineData("green ellen")]
    [InlineData("ree")]
    public void Search_FullName_Substring_FindsEllen(string text)
    {
        var sut = CreateSut(Tim, Ellen, Maggie, Suzanne);
        Assert.Equal(["Ellen Green"], Names(Search(sut, new ContactQuery { Text = text })));
    }

    [Theory]
    [InlineData("555-123")]
    [InlineData("(555) 123-1111")]
    [InlineData("+1 555 123 11")]
    public void Search_NumberText_MatchesDigits(string text)
    {
        var sut = CreateSut(Tim, Ellen, Maggie, Suzanne);
        var names = Names(Search(sut, new ContactQuery { Text = text }));
        Assert.Contains("Ellen Green", names);
        Assert.DoesNotContain("Maggie Matthews", names);
    }

    [Fact]
    public void Search_Prefix_NationalNumber_MatchesAfterCountryCode()
    {
        var sut = CreateSut(Tim, Ellen, Maggie, Suzanne);
        var query = new ContactQuery { Text = "555-1231", Match = ContactMatchMode.Prefix };
        Assert.Equal(["Ellen Green"], Names(Search(sut, query)));
        Assert.Equal(["Ellen Green"], Names(Search(sut, query with { Text = "+1555123111" })));
        Assert.Empty(Search(sut, query with { Text = "5512" }).Items);
    }

    [Fact]
    public void Search_Prefix_Extension()
    {
        var sut = CreateSut(Tim, Ellen, User("300", "Bob", "Stone", "320"), User("301", "Ann", "Stone", "1200"));
        var result = Search(sut, new ContactQuery { Text = "20", Match = ContactMatchMode.Prefix, Sort = ContactSort.Extension });
        Assert.Equal(["Tim Garcia", "Ellen Green"], Names(result));

        var substring = Search(sut, new ContactQuery { Text = "20", Sort = ContactSort.Extension });
        Assert.Equal(["Tim Garcia", "Ellen Green", "Bob Stone", "Ann Stone"], Names(substring));
    }

    [Fact]
    public void Search_Prefix_WordStartsOnly()
    {
        var sut = CreateSut(Tim, Ellen, Maggie, Suzanne);
        Assert.Equal(["Ellen Green"], Names(Search(sut, new ContactQuery { Text = "gre", Match = ContactMatchMode.Prefix })));
        Assert.Empty(Search(sut, new ContactQuery { Text = "ree", Match = ContactMatchMode.Prefix }).Items);
        Assert.Equal(["Ellen Green"], Names(Search(sut, new ContactQuery { Text = "ellen g", Match = ContactMatchMode.Prefix })));
    }

    [Fact]
    public void Search_LettersWithDigits_DoNotSearchNumbers()
    {
        var sut = CreateSut(Tim, Ellen);
        Assert.Empty(Search(sut, new ContactQuery { Text = "room 202" }).Items);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Search_NoText_MatchesAll(string? text)
    {
        var sut = CreateSut(Tim, Ellen, Maggie, Suzanne);
        Assert.Equal(4, Search(sut, new ContactQuery { Text = text }).TotalCount);
    }

    [Fact]
    public void Search_Groups()
    {
        var mine = Personal("p1", Viewer, "Paula", "Pike");
        var theirs = Personal("p2", Other, "Olga", "Oak");
        var shared = Shared("s1", "Sam", "Shore");
        var sut = CreateSut(Tim, Ellen, Maggie, Suzanne, mine, theirs, shared);

        Assert.Equal(["Tim Garcia", "Ellen Green", "Maggie Matthews", "Suzanne May", "Paula Pike", "Sam Shore"], Names(Search(sut, new ContactQuery())));
        Assert.Equal(["Tim Garcia"], Names(Search(sut, new ContactQuery { Group = ContactGroup.Favorites })));
        Assert.Equal(["Sam Shore"], Names(Search(sut, new ContactQuery { Group = ContactGroup.Shared })));
        Assert.Equal(["Paula Pike"], Names(Search(sut, new ContactQuery { Group = ContactGroup.MyContacts })));
        Assert.Equal(["Tim Garcia", "Ellen Green", "Maggie Matthews", "Suzanne May"], Names(Search(sut, new ContactQuery { Group = ContactGroup.Coworkers })));
        Assert.Equal(["Tim Garcia", "Ellen Green", "Maggie Matthews"], Names(Search(sut, new ContactQuery { Group = ContactGroup.Sites })));
        Assert.Equal(["Tim Garcia", "Maggie Matthews"], Names(Search(sut, new ContactQuery { Group = ContactGroup.Sites, GroupName = "BOSTON" })));
        Assert.Equal(["Ellen Green"], Names(Search(sut, new ContactQuery { Group = ContactGroup.Sites, GroupName = "zurich" })));
        Assert.Empty(Search(sut, new ContactQuery { Group = ContactGroup.Sites, GroupName = "Paris" }).Items);
        Assert.Equal(["Tim Garcia", "Ellen Green", "Suzanne May"], Names(Search(sut, new ContactQuery { Group = ContactGroup.Departments })));
        Assert.Equal(["Tim Garcia", "Suzanne May"], Names(Search(sut, new ContactQuery { Group = ContactGroup.Departments, GroupName = "sales" })));
    }

    [Fact]
    public void Search_FavoritesGroup_WithText()
    {
        var sut = CreateSut(Tim, Ellen, Maggie, Suzanne);
        _favorites.Add(Ellen.Id);
        _favorites.Add(ContactId.Parse("not-indexed"));
        Assert.Equal(["Ellen Green"], Names(Search(sut, new ContactQuery { Group = ContactGroup.Favorites, Text = "gree" })));
        Assert.Equal(["Tim Garcia", "Ellen Green"], Names(Search(sut, new ContactQuery { Group = ContactGroup.Favorites })));
    }

    [Fact]
    public void Search_PersonalContactOfAnotherUser_IsInvisible()
    {
        var sut = CreateSut(Personal("p2", Other, "Olga", "Oak"));
        Assert.Empty(Search(sut, new ContactQuery { Text = "olga" }).Items);
        Assert.Single(sut.Search(Other, new ContactQuery { Text = "olga" }, _favorites, _presence).Items);
    }

    [Fact]
    public void Search_UnlistedUser_IsInvisible()
    {
        var sut = CreateSut(Ellen with { ListInDirectory = false }, Tim);
        Assert.Equal(["Tim Garcia"], Names(Search(sut, new ContactQuery())));
        Assert.Empty(Search(sut, new ContactQuery { Text = "ellen" }).Items);
    }

    [Fact]
    public void Search_StatusFilters()
    {
        var shared = Shared("s1", "Sam", "Shore");
        var sut = CreateSut(Tim, Ellen, Maggie, Suzanne, shared);
        _presence.SetState(Tim.Id, PresenceState.Available);
        _presence.SetState(Ellen.Id, PresenceState.AvailableForChat);
        _presence.SetState(Maggie.Id, PresenceState.Busy);
        _presence.SetState(shared.Id, PresenceState.Busy);

        Assert.Equal(["Tim Garcia", "Ellen Green"], Names(Search(sut, new ContactQuery { Status = PresenceFilter.Available })));
        Assert.Equal(["Maggie Matthews"], Names(Search(sut, new ContactQuery { Status = PresenceFilter.Busy })));
        Assert.Equal(["Suzanne May", "Sam Shore"], Names(Search(sut, new ContactQuery { Status = PresenceFilter.Offline })));

        var all = Search(sut, new ContactQuery());
        Assert.Equal(PresenceState.Busy, all.Items.Single(m => m.Contact.Id == Maggie.Id).Presence.State);
        Assert.Same(Presence.Unknown, all.Items.Single(m => m.Contact.Id == shared.Id).Presence);
    }

    [Fact]
    public void Search_Sorts()
    {
        var noExtension = Shared("s1", "Adam", "Zed");
        var sut = CreateSut(
            User("u1", "Zoe", "Adams", "1000"),
            User("u2", "Ann", "Brown", "99"),
            User("u3", "Bob", "Adams", "205"),
            noExtension);
        _presence.SetState(ContactId.Parse("u3"), PresenceState.Busy);
        _presence.SetState(ContactId.Parse("u2"), PresenceState.AvailableForChat);
        _presence.SetState(ContactId.Parse("u1"), PresenceState.Available);

        Assert.Equal(["Bob Adams", "Zoe Adams", "Ann Brown", "Adam Zed"], Names(Search(sut, new ContactQuery { Sort = ContactSort.LastName })));
        Assert.Equal(["Adam Zed", "Ann Brown", "Bob Adams", "Zoe Adams"], Names(Search(sut, new ContactQuery { Sort = ContactSort.FirstName })));
        Assert.Equal(["Ann Brown", "Bob Adams", "Zoe Adams", "Adam Zed"], Names(Search(sut, new ContactQuery { Sort = ContactSort.Extension })));
        Assert.Equal(["Zoe Adams", "Ann Brown", "Bob Adams", "Adam Zed"], Names(Search(sut, new ContactQuery { Sort = ContactSort.Online })));
    }

    [Fact]
    public void Search_SameName_TiesByIdOrdinal()
    {
        var sut = CreateSut(Shared("b", "Al", "Lee"), Shared("a", "Al", "Lee"), Shared("C", "Al", "Lee"));
        var ids = Search(sut, new ContactQuery { Text = "lee" }).Items.Select(m => m.Contact.Id.Value);
        Assert.Equal(["C", "a", "b"], ids);
    }

    [Fact]
    public void Search_Paging_AndTotalCount()
    {
        var contacts = Enumerable.Range(0, 30).Select(i => Shared($"s{i:00}", "Mark", $"Stone{i:00}")).ToArray();
        var sut = CreateSut(contacts);
        var page = Search(sut, new ContactQuery { Text = "mar", Skip = 10, Take = 5 });
        Assert.Equal(30, page.TotalCount);
        Assert.Equal(["stone10", "stone11", "stone12", "stone13", "stone14"], page.Items.Select(m => m.Contact.LastName.ToLowerInvariant()));

        var past = Search(sut, new ContactQuery { Text = "mar", Skip = 40, Take = 5 });
        Assert.Equal(30, past.TotalCount);
        Assert.Empty(past.Items);

        var unfiltered = Search(sut, new ContactQuery { Skip = 28, Take = 5 });
        Assert.Equal(2, unfiltered.Items.Count);
    }

    [Theory]
    [InlineData(-1, 10, "Skip")]
    [InlineData(0, 0, "Take")]
    [InlineData(0, ContactQuery.MaxTake + 1, "Take")]
    public void Search_BadPaging_Throws(int skip, int take, string property)
    {
        var sut = CreateSut(Tim);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Search(sut, new ContactQuery { Skip = skip, Take = take }));
        Assert.Equal(property, error.ParamName);
    }

    [Fact]
    public void Set_Replaces_OldNameNoLongerMatches()
    {
        var sut = CreateSut(Tim, Ellen);
        Set(sut, Ellen with { LastName = "Black" });
        Assert.Equal(2, sut.Count);
        Assert.Empty(Search(sut, new ContactQuery { Text = "green" }).Items);
        Assert.Equal(["Ellen Black"], Names(Search(sut, new ContactQuery { Text = "black" })));
        Assert.Equal(["Ellen Black", "Tim Garcia"], Names(Search(sut, new ContactQuery())));
        Assert.Equal("Black", sut.Get(Ellen.Id)!.LastName);
    }

    [Fact]
    public void Remove_RemovesFromSearchAndGet()
    {
        var sut = CreateSut(Tim, Ellen);
        Assert.True(Remove(sut, Ellen.Id));
        Assert.False(Remove(sut, Ellen.Id));
        Assert.Equal(1, sut.Count);
        Assert.Null(sut.Get(Ellen.Id));
        Assert.Empty(Search(sut, new ContactQuery { Text = "ellen" }).Items);
        Assert.Equal(["Tim Garcia"], Names(Search(sut, new ContactQuery())));

        Set(sut, Ellen);
        Assert.Equal(["Ellen Green"], Names(Search(sut, new ContactQuery { Text = "ellen" })));
    }

    [Fact]
    public async Task Search_ConcurrentWithWrites_DoesNotThrow()
    {
        var sut = new ContactSearchIndex();
        var random = new Random(42);
        var names = new[] { "Ellen", "Maggie", "Tim", "Suzanne", "José", "Mark" };
        for (var i = 0; i < 500; i++)
        {
            sut.Set(Shared($"s{i}", names[i % names.Length], $"Stone{i}"));
        }

        using var done = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 3).Select(r => Task.Run(() =>
        {
            var queries = new[] { "mar", "el", "stone1", "555", "e" };
            var count = 0;
            while (!done.IsCancellationRequested || count < 100)
            {
                var query = new ContactQuery { Text = queries[count % queries.Length], Sort = (ContactSort)(count % 4), Take = 20 };
                var result = sut.Search(Viewer, query, _favorites, _presence);
                Assert.True(result.Items.Count <= 20);
                count++;
            }
        })).ToArray();

        for (var i = 0; i < 3000; i++)
        {
            var id = $"s{random.Next(700)}";
            if (random.Next(3) == 0)
            {
                sut.Remove(ContactId.Parse(id));
            }
            else
            {
                sut.Set(Shared(id, names[random.Next(names.Length)], $"Stone{random.Next(1000)}") with { WorkNumber = $"+1555{random.Next(10_000_000):0000000}" });
            }
        }

        done.Cancel();
        await Task.WhenAll(readers);
    }

    private static Contact User(string id, string first, string last, string extension) => new()
    {
        Id = ContactId.Parse(id),
        Kind = ContactKind.User,
        FirstName = first,
        LastName = last,
        Extension = extension,
    };

    private static Contact Shared(string id, string first, string last) => new()
    {
        Id = ContactId.Parse(id),
        Kind = ContactKind.Shared,
        FirstName = first,
        LastName = last,
    };

    private static Contact Personal(string id, ContactId owner, string first, string last) => new()
    {
        Id = ContactId.Parse(id),
        Kind = ContactKind.Personal,
        OwnerId = owner,
        FirstName = first,
        LastName = last,
    };

    private static string[] Names(ContactSearchResult result) => [.. result.Items.Select(m => m.Contact.DisplayName)];

    private ContactSearchIndex CreateSut(params Contact[] contacts)
    {
        var sut = new ContactSearchIndex();
        foreach (var contact in contacts)
        {
            Set(sut, contact);
        }

        return sut;
    }

    private void Set(ContactSearchIndex sut, Contact contact)
    {
        sut.Set(contact);
        _reference.Set(contact);
    }

    private bool Remove(ContactSearchIndex sut, ContactId id)
    {
        var removed = sut.Remove(id);
        Assert.Equal(removed, _reference.Remove(id));
        return removed;
    }

    /// <summary>Searches, and checks that the reference search agrees.</summary>
    private ContactSearchResult Search(ContactSearchIndex sut, ContactQuery query)
    {
        var result = sut.Search(Viewer, query, _favorites, _presence);
        var reference = _reference.Search(Viewer, query, _favorites, _presence);
        Assert.Equal(reference.TotalCount, result.TotalCount);
        Assert.Equal(reference.Items.Select(m => m.Contact.Id), result.Items.Select(m => m.Contact.Id));
        return result;
    }
}
