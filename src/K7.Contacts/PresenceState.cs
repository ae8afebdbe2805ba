namespace K7.Contacts;

/// <summary>A user's availability, shown as the coloured circle beside their name.</summary>
public enum PresenceState
{
    /// <summary>Offline (gray): not signed in, no registered phone, or any state that is not online.</summary>
    Offline = 0,

    /// <summary>Available for calls (green).</summary>
    Available = 1,

    /// <summary>Available for chat only (blue).</summary>
    AvailableForChat = 2,

    /// <summary>Busy (red): on a call, or do not disturb.</summary>
    Busy = 3,
}
