namespace K7.Contacts;

/// <summary>The signed-in user making a change or an import, and their role.</summary>
/// <param name="UserId">The user's identifier (the <see cref="Contact.Id"/> of their directory entry).</param>
/// <param name="Role">What they may do.</param>
public readonly record struct ContactActor(ContactId UserId, ContactRole Role)
{
    /// <summary>Gets a value indicating whether the actor is an office manager.</summary>
    public bool IsOfficeManager => Role == ContactRole.OfficeManager;

    /// <summary>Creates a basic user.</summary>
    /// <param name="userId">The user.</param>
    /// <returns>The actor.</returns>
    public static ContactActor User(ContactId userId) => new(userId, ContactRole.Basic);

    /// <summary>Creates an office manager.</summary>
    /// <param name="userId">The user.</param>
    /// <returns>The actor.</returns>
    public static ContactActor OfficeManager(ContactId userId) => new(userId, ContactRole.OfficeManager);
}
