using FsCheck.Xunit;
using K7.Contacts.Search;
using NodaTime;
using NodaTime.Testing;

namespace K7.Contacts.Tests.Search;

/// <summary>The index against the reference search, on random contacts, edits and queries.</summary>
public sealed class ContactSearchIndexPropertyTests
{
    [Property(MaxTest = 300, Arbitrary = new[] { typeof(SearchGenerators) })]
    public void Search_RandomScenario_SameAsReferenceSearch(SearchScenario scenario)
    {
        var presence = new PresenceTracker(new FakeClock(Instant.FromUtc(2026, 11, 26, 9, 0)));
        foreach (var (user, state) in scenario.Presence)
        {
            presence.SetState(user, state);
        }

        var favorites = scenario.Favorites.ToHashSet();
        var sut = new ContactSearchIndex();
        var reference = new ReferenceContactSearch([]);
        foreach (var step in scenario.Steps)
        {
            switch (step)
            {
                case SetStep set:
                    sut.Set(set.Contact);
                    reference.Set(set.Contact);
                    Assert.Equal(reference.Contacts.Count, sut.Count);
                    break;
                case RemoveStep remove:
                    Assert.Equal(reference.Remove(remove.Id), sut.Remove(remove.Id));
                    Assert.Equal(reference.Contacts.Count, sut.Count);
                    break;
                case QueryStep query:
                    var expected = reference.Search(query.Viewer, query.Query, favorites, presence);
                    var actual = sut.Search(query.Viewer, query.Query, favorites, presence);
                    Assert.True(
                        expected.TotalCount == actual.TotalCount
                            && expected.Items.Select(Describe).SequenceEqual(actual.Items.Select(Describe)),
                        $"{query.Viewer} {query.Query}{Environment.NewLine}"
                            + $"expected {expected.TotalCount}: {string.Join(", ", expected.Items.Select(m => m.Contact.Id))}{Environment.NewLine}"
                            + $"actual   {actual.TotalCount}: {string.Join(", ", actual.Items.Select(m => m.Contact.Id))}");
                    break;
            }
        }
    }

    private static string Describe(ContactMatch match) => $"{match.Contact.Id}/{match.IsFavorite}/{match.Presence.State}";
}
