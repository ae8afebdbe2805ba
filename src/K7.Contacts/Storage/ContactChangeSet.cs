namespace K7.Contacts.Storage;

/// <summary>Changes stored together, all or nothing: contacts added or replaced, contacts removed, stars set and cleared.</summary>
/// <remarks>Removals apply before upserts; a contact's stars are removed with it only when listed in <see cref="FavoritesRemoved"/>.</remarks>
public sealed record ContactChangeSet
{
    /// <summary>Gets the contacts to add or replace (by <see cref="Contact.Id"/>).</summary>
    public IReadOnlyList<Contact> Upserts { get; init; } = [];

    /// <summary>Gets the contacts to remove.</summary>
    public IReadOnlyList<ContactId> Deletes { get; init; } = [];

    /// <summary>Gets the stars to set.</summary>
    public IReadOnlyList<ContactFavorite> FavoritesAdded { get; init; } = [];

    /// <summary>Gets the stars to clear.</summary>
    public IReadOnlyList<ContactFavorite> FavoritesRemoved { get; init; } = [];

    /// <summary>Gets a value indicating whether the set changes nothing.</summary>
    public bool IsEmpty => Upserts.Count == 0 && Deletes.Count == 0 && FavoritesAdded.Count == 0 && FavoritesRemoved.Count == 0;
}
