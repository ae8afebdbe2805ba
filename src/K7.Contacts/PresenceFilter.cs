namespace K7.Contacts;

/// <summary>The "Status" filter of the Contacts page: the three choices the portal offers.</summary>
public enum PresenceFilter
{
    /// <summary>Every contact, whatever its presence.</summary>
    Any = 0,

    /// <summary>Online: <see cref="PresenceState.Available"/> or <see cref="PresenceState.AvailableForChat"/>.</summary>
    Available = 1,

    /// <summary><see cref="PresenceState.Busy"/>.</summary>
    Busy = 2,

    /// <summary><see cref="PresenceState.Offline"/>; contacts that are not users are always offline.</summary>
    Offline = 3,
}
