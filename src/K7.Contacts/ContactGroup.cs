namespace K7.Contacts;

/// <summary>The contact groups of the portal's Contacts page and Contacts dock.</summary>
public enum ContactGroup
{
    /// <summary>Every contact the viewer sees.</summary>
    All = 0,

    /// <summary>The contacts the viewer starred.</summary>
    Favorites = 1,

    /// <summary>Contacts shared with the whole domain (<see cref="ContactKind.Shared"/>).</summary>
    Shared = 2,

    /// <summary>The viewer's personal contacts (<see cref="ContactKind.Personal"/>).</summary>
    MyContacts = 3,

    /// <summary>Users of the domain listed in the directory (<see cref="ContactKind.User"/>).</summary>
    Coworkers = 4,

    /// <summary>Users that belong to a site (<see cref="Contact.Site"/> set); optionally one named site.</summary>
    Sites = 5,

    /// <summary>Users that belong to a department (<see cref="Contact.Department"/> set); optionally one named department.</summary>
    Departments = 6,
}
