namespace K7.Contacts;

/// <summary>What a contact is, which decides who sees it and who may change it.</summary>
public enum ContactKind
{
    /// <summary>
    /// A personal contact, in its owner's "My Contacts"; only the owner (<see cref="Contact.OwnerId"/>) sees and
    /// changes it.
    /// </summary>
    Personal = 0,

    /// <summary>A contact shared with the whole domain ("Shared"); everyone sees it, office managers change it.</summary>
    Shared = 1,

    /// <summary>
    /// A user of the domain ("Coworkers"), seen by everyone when <see cref="Contact.ListInDirectory"/> is on;
    /// office managers create and remove users, and a user's extension never changes.
    /// </summary>
    User = 2,
}
