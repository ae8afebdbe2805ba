namespace K7.Contacts;

/// <summary>A user's presence changed.</summary>
public sealed class PresenceChangedEventArgs : EventArgs
{
    /// <summary>Initializes a new instance of the <see cref="PresenceChangedEventArgs"/> class.</summary>
    /// <param name="user">The user.</param>
    /// <param name="previous">The presence before.</param>
    /// <param name="current">The presence now.</param>
    public PresenceChangedEventArgs(ContactId user, Presence previous, Presence current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        User = user;
        Previous = previous;
        Current = current;
    }

    /// <summary>Gets the user.</summary>
    public ContactId User { get; }

    /// <summary>Gets the presence before the change.</summary>
    public Presence Previous { get; }

    /// <summary>Gets the presence after the change.</summary>
    public Presence Current { get; }
}
