namespace K7.TimeFrames;

/// <summary>Where a holiday that falls on a given day of the week is observed.</summary>
public enum ObservedShift
{
    /// <summary>On the holiday itself.</summary>
    NotMoved = 0,

    /// <summary>On the nearest workday before the holiday (a Saturday holiday observed on Friday).</summary>
    PrecedingWorkday = 1,

    /// <summary>On the nearest workday after the holiday (a Sunday holiday observed on Monday).</summary>
    FollowingWorkday = 2,

    /// <summary>On both the nearest workday before and the nearest workday after the holiday.</summary>
    Both = 3,
}
