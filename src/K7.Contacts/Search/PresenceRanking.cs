namespace K7.Contacts.Search;

/// <summary>What the Contacts page's status filter and "Online" order mean; the index and the reference search both use it.</summary>
internal static class PresenceRanking
{
    /// <summary>Whether a contact in <paramref name="state"/> passes <paramref name="filter"/> ("available" takes in "available for chat").</summary>
    public static bool Matches(PresenceFilter filter, PresenceState state) => filter switch
    {
        PresenceFilter.Available => state is PresenceState.Available or PresenceState.AvailableForChat,
        PresenceFilter.Busy => state == PresenceState.Busy,
        PresenceFilter.Offline => state == PresenceState.Offline,
        _ => true,
    };

    /// <summary>The rank of <paramref name="state"/> in the "Online" order: available, available for chat, busy, offline.</summary>
    public static int OnlineRank(PresenceState state) => state switch
    {
        PresenceState.Available => 0,
        PresenceState.AvailableForChat => 1,
        PresenceState.Busy => 2,
        _ => 3,
    };
}
