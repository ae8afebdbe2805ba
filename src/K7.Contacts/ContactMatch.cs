namespace K7.Contacts;

/// <summary>A contact found by a search, as the viewer sees it.</summary>
/// <param name="Contact">The contact.</param>
/// <param name="IsFavorite">Whether the viewer starred it.</param>
/// <param name="Presence">Its presence (<see cref="Presence.Unknown"/> for contacts that are not users).</param>
public sealed record ContactMatch(Contact Contact, bool IsFavorite, Presence Presence);
