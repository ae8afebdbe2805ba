namespace K7.Contacts.Search;

/// <summary>
/// The search semantics of <see cref="ContactSearchIndex"/> written as plain LINQ over a list, with no index: the
/// oracle of the index's tests and the baseline of its benchmark.
/// </summary>
/// <remarks>Not thread-safe.</remarks>
internal sealed class ReferenceContactSearch
{
    private readonly List<Contact> _contacts;

    /// <summary>Initializes a new instance of the <see cref="ReferenceContactSearch"/> class.</summary>
    /// <param name="contacts">The contacts (identifiers are expected to be unique).</param>
    public ReferenceContactSearch(IEnumerable<Contact> contacts)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        _contacts = [.. contacts];
    }

    /// <summary>Gets the contacts.</summary>
    public IReadOnlyList<Contact> Contacts => _contacts;

    /// <summary>Adds a contact, or replaces the one with the same identifier.</summary>
    public void Set(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var index = _contacts.FindIndex(c => c.Id == contact.Id);
        if (index >= 0)
        {
            _contacts[index] = contact;
        }
        else
        {
            _contacts.Add(contact);
        }
    }

    /// <summary>Removes a contact.</summary>
    public bool Remove(ContactId id) => _contacts.RemoveAll(c => c.Id == id) > 0;

    /// <summary>Searches as <see cref="ContactSearchIndex.Search"/> does.</summary>
    public ContactSearchResult Search(ContactId viewer, ContactQuery query, IReadOnlySet<ContactId> favorites, PresenceTracker presence)
    {
        ContactSearchIndex.Validate(query);
        ArgumentNullException.ThrowIfNull(favorites);
        ArgumentNullException.ThrowIfNull(presence);

        var text = TextFolding.Fold(query.Text);
        var digits = text.Length > 0 && TextFolding.IsNumberLike(text) ? TextFolding.Digits(text) : string.Empty;
        var groupName = TextFolding.Fold(query.GroupName);
        var prefix = query.Match == ContactMatchMode.Prefix;

        var matches = _contacts
            .Where(c => c.IsVisibleTo(viewer))
            .Where(c => InGroup(c, query.Group, groupName, favorites))
            .Where(c => PresenceRanking.Matches(query.Status, StateOf(c, presence)))
            .Where(c => text.Length == 0
                || NameTexts(c).Any(s => Matches(s, text, prefix))
                || (digits.Length > 0 && NumberTexts(c).Any(s => Matches(s, digits, prefix))))
            .ToList();

        IEnumerable<Contact> ordered = query.Sort switch
        {
            ContactSort.FirstName => matches
                .OrderBy(c => TextFolding.Fold(c.FirstName), StringComparer.Ordinal)
                .ThenBy(c => TextFolding.Fold(c.LastName), StringComparer.Ordinal)
                .ThenBy(c => c.Id.Value, StringComparer.Ordinal),
            ContactSort.Extension => ByLastName(matches
                .OrderBy(c => ExtensionNumber(c) is null ? 1 : 0)
                .ThenBy(c => ExtensionNumber(c)?.Length ?? 0)
                .ThenBy(c => ExtensionNumber(c) ?? string.Empty, StringComparer.Ordinal)),
            ContactSort.Online => ByLastName(matches.OrderBy(c => PresenceRanking.OnlineRank(StateOf(c, presence)))),
            _ => ByLastName(matches.OrderBy(_ => 0)),
        };

        var items = ordered
            .Skip(query.Skip)
            .Take(query.Take)
            .Select(c => new ContactMatch(
                c,
                favorites.Contains(c.Id),
                c.Kind == ContactKind.User ? presence.Get(c.Id) : Presence.Unknown))
            .ToList();
        return new ContactSearchResult(items, matches.Count);
    }

    private static IOrderedEnumerable<Contact> ByLastName(IOrderedEnumerable<Contact> contacts) => contacts
        .ThenBy(c => TextFolding.Fold(c.LastName), StringComparer.Ordinal)
        .ThenBy(c => TextFolding.Fold(c.FirstName), StringComparer.Ordinal)
        .ThenBy(c => c.Id.Value, StringComparer.Ordinal);

    private static bool InGroup(Contact contact, ContactGroup group, string groupName, IReadOnlySet<ContactId> favorites) => group switch
    {
        ContactGroup.Favorites => favorites.Contains(contact.Id),
        ContactGroup.Shared => contact.Kind == ContactKind.Shared,
        ContactGroup.MyContacts => contact.Kind == ContactKind.Personal,
        ContactGroup.Coworkers => contact.Kind == ContactKind.User,
        ContactGroup.Sites => contact.Kind == ContactKind.User
            && TextFolding.Fold(contact.Site).Length > 0
            && (groupName.Length == 0 || TextFolding.Fold(contact.Site) == groupName),
        ContactGroup.Departments => contact.Kind == ContactKind.User
            && TextFolding.Fold(contact.Department).Length > 0
            && (groupName.Length == 0 || TextFolding.Fold(contact.Department) == groupName),
        _ => true,
    };

    private static PresenceState StateOf(Contact contact, PresenceTracker presence) =>
        contact.Kind == ContactKind.User ? presence.Get(contact.Id).State : PresenceState.Offline;

    private static IEnumerable<string> NameTexts(Contact contact)
    {
        var first = TextFolding.Fold(contact.FirstName);
        var last = TextFolding.Fold(contact.LastName);
        yield return first;
        yield return last;
        if (first.Length > 0 && last.Length > 0)
        {
            yield return first + " " + last;
            yield return last + " " + first;
        }
    }

    private static IEnumerable<string> NumberTexts(Contact contact)
    {
        var numbers = new[] { contact.Extension, contact.WorkNumber, contact.MobileNumber, contact.HomeNumber, contact.FaxNumber };
        foreach (var number in numbers)
        {
            var digits = TextFolding.Digits(number);
            yield return digits;
            if (digits.Length > 0)
            {
                yield return NumberDigits.National(number, digits);
            }
        }
    }

    private static bool Matches(string candidate, string needle, bool prefix) => prefix
        ? Enumerable.Range(0, candidate.Length)
            .Any(i => candidate.AsSpan(i).StartsWith(needle, StringComparison.Ordinal) && TextFolding.IsWordStart(candidate, i))
        : candidate.Contains(needle, StringComparison.Ordinal);

    private static string? ExtensionNumber(Contact contact)
    {
        var digits = TextFolding.Digits(contact.Extension);
        return digits.Length == 0 ? null : digits.TrimStart('0');
    }
}
