namespace K7.Contacts.Storage;

/// <summary>A star: a user's favourite contact.</summary>
/// <param name="OwnerId">The user who starred the contact.</param>
/// <param name="ContactId">The starred contact.</param>
public readonly record struct ContactFavorite(ContactId OwnerId, ContactId ContactId);
