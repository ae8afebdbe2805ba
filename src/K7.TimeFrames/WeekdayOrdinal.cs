namespace K7.TimeFrames;

/// <summary>Which occurrence of a weekday within a month: "first Monday", "last Friday".</summary>
/// <remarks>
/// <see cref="Last"/> is always the final occurrence in the month, which is the fourth or the fifth.
/// <see cref="Fourth"/> is always the fourth. <see cref="Fifth"/> exists only in some months; months without
/// it are skipped, as RFC 5545 does.
/// </remarks>
public enum WeekdayOrdinal
{
    /// <summary>The last occurrence of the weekday in the month.</summary>
    Last = -1,

    /// <summary>The first occurrence.</summary>
    First = 1,

    /// <summary>The second occurrence.</summary>
    Second = 2,

    /// <summary>The third occurrence.</summary>
    Third = 3,

    /// <summary>The fourth occurrence.</summary>
    Fourth = 4,

    /// <summary>The fifth occurrence, when the month has one.</summary>
    Fifth = 5,
}
