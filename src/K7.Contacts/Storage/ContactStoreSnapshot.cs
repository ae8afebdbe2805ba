namespace K7.Contacts.Storage;

/// <summary>Everything a store holds.</summary>
/// <param name="Contacts">The contacts.</param>
/// <param name="Favorites">The stars.</param>
public sealed record ContactStoreSnapshot(IReadOnlyList<Contact> Contacts, IReadOnlyList<ContactFavorite> Favorites);
