using FsCheck;
using FsCheck.Fluent;

namespace K7.Contacts.Tests.Search;

/// <summary>One step of a generated search scenario: set a contact, remove one, or search.</summary>
public abstract record SearchStep;

/// <summary>Adds or replaces a contact.</summary>
public sealed record SetStep(Contact Contact) : SearchStep
{
    public override string ToString() =>
        $"Set {Contact.Id} {Contact.Kind} owner={Contact.OwnerId} '{Contact.FirstName}' '{Contact.LastName}' ext={Contact.Extension} " +
        $"work={Contact.WorkNumber} mobile={Contact.MobileNumber} listed={Contact.ListInDirectory} site={Contact.Site} dept={Contact.Department}";
}

/// <summary>Removes a contact.</summary>
public sealed record RemoveStep(ContactId Id) : SearchStep;

/// <summary>Searches as a viewer.</summary>
public sealed record QueryStep(ContactId Viewer, ContactQuery Query) : SearchStep;

/// <summary>A generated scenario: steps, the viewers' favourites and the users' presence.</summary>
public sealed record SearchScenario(SearchStep[] Steps, ContactId[] Favorites, (ContactId User, PresenceState State)[] Presence)
{
    public override string ToString() =>
        string.Join(Environment.NewLine, Steps.Select(s => s.ToString()))
        + Environment.NewLine + "Favorites: " + string.Join(", ", Favorites)
        + Environment.NewLine + "Presence: " + string.Join(", ", Presence.Select(p => $"{p.User}={p.State}"));
}

/// <summary>Random contacts (from small pools, so names repeat and identifiers are replaced), edits and queries.</summary>
public static class SearchGenerators
{
    public static readonly string[] Ids = ["u0", "u1", "u2", "c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "C1", "c10", "c11"];

    private static readonly string[] Viewers = ["u0", "u1", "u2", "c0"];

    private static readonly string[] Names =
    [
        "", "José", "Jose", "Müller", "Muller", "MÜLLER", "Ellen", "Green", "Maggie", "Matthews", "May", "Mar", "Mark",
        "O'Brien", "Straße", "Strasse", "Ærø", "Ann Marie", "van der Berg", "Łukasz", "Đorđe", "Œuvre", "Zoë", "Al",
    ];

    private static readonly string?[] Extensions = [null, null, "201", "0201", "20", "1200", "99", "202", "000", "5551"];

    private static readonly string?[] Numbers =
        [null, null, null, "+15551231111", "+15551230001", "+442079460958", "+4930123456", "+9991234", "5551234", "201", "+12025550123"];

    private static readonly string?[] Sites = [null, null, "Boston", "boston", "Zürich", "Zurich", " "];

    private static readonly string?[] Departments = [null, null, "Sales", "SALES", "Support", "Søles"];

    private static readonly string?[] GroupNames = [null, "boston", "ZURICH", "sales", "support", "nowhere", " "];

    private static readonly string[] Alphabet = ["a", "e", "r", "m", " ", "5", "1", "-", "é", "2"];

    public static Arbitrary<SearchScenario> Scenarios() => Arb.From(ScenarioGen());

    private static Gen<SearchScenario> ScenarioGen() =>
        from steps in Gen.Frequency(
            (3, SetGen()),
            (1, Gen.Elements(Ids).Select(id => (SearchStep)new RemoveStep(ContactId.Parse(id)))),
            (2, QueryGen())).ListOf()
        from favorites in Gen.SubListOf(Ids)
        from presence in Gen.Elements(Ids).Zip(Gen.Elements(Enum.GetValues<PresenceState>())).ListOf()
        select new SearchScenario(
            [.. steps, .. Enumerable.Range(0, 4).Select(_ => (SearchStep)new QueryStep(ContactId.Parse("u0"), new ContactQuery()))],
            [.. favorites.Select(id => ContactId.Parse(id))],
            [.. presence.Select(p => (ContactId.Parse(p.Item1), p.Item2))]);

    private static Gen<SearchStep> SetGen() =>
        from id in Gen.Elements(Ids)
        from kind in Gen.Elements(ContactKind.Personal, ContactKind.Shared, ContactKind.User)
        from owner in Gen.Elements(Viewers)
        from first in Gen.Elements(Names)
        from last in Gen.Elements(Names)
        from extension in Gen.Elements(Extensions)
        from work in Gen.Elements(Numbers)
        from mobile in Gen.Elements(Numbers)
        from listed in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
        from site in Gen.Elements(Sites)
        from department in Gen.Elements(Departments)
        select (SearchStep)new SetStep(new Contact
        {
            Id = ContactId.Parse(id),
            Kind = kind,
            OwnerId = kind == ContactKind.Personal ? ContactId.Parse(owner) : default,
            FirstName = first,
            LastName = last,
            Extension = extension,
            WorkNumber = work,
            MobileNumber = mobile,
            ListInDirectory = listed,
            Site = site,
            Department = department,
        });

    private static Gen<SearchStep> QueryGen() =>
        from viewer in Gen.Elements(Viewers)
        from text in TextGen()
        from match in Gen.Elements(Enum.GetValues<ContactMatchMode>())
        from grp in Gen.Elements(Enum.GetValues<ContactGroup>())
        from groupName in Gen.Elements(GroupNames)
        from status in Gen.Frequency((3, Gen.Constant(PresenceFilter.Any)), (2, Gen.Elements(Enum.GetValues<PresenceFilter>())))
        from sort in Gen.Elements(Enum.GetValues<ContactSort>())
        from skip in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(0, 12)))
        from take in Gen.Frequency((3, Gen.Choose(1, 6)), (1, Gen.Constant(ContactQuery.MaxTake)), (1, Gen.Constant(50)))
        select (SearchStep)new QueryStep(ContactId.Parse(viewer), new ContactQuery
        {
            Text = text,
            Match = match,
            Group = grp,
            GroupName = groupName,
            Status = status,
            Sort = sort,
            Skip = skip,
            Take = take,
        });

    private static Gen<string?> TextGen()
    {
        var sources = Names.Concat(Numbers.OfType<string>()).Concat(["Ellen Green", "Green Ellen", "Ann Marie Mar", "555-123", "(555) 123-1111"]).ToArray();
        var slice =
            from source in Gen.Elements(sources)
            from start in Gen.Choose(0, source.Length)
            from length in Gen.Choose(0, source.Length - start)
            from upper in Gen.Elements(false, false, true)
            let part = source.Substring(start, length)
            select (string?)(upper ? part.ToUpperInvariant() : part);
        var random =
            from parts in Gen.Elements(Alphabet).ListOf()
            select (string?)string.Concat(parts.Take(6));
        return Gen.Frequency(
            (1, Gen.Elements<string?>(null, "", "  ")),
            (6, slice),
            (2, random));
    }
}
