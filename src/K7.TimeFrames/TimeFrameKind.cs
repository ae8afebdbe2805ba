namespace K7.TimeFrames;

/// <summary>The five kinds of time frame of the portal's "Add a Time Frame" dialog.</summary>
public enum TimeFrameKind
{
    /// <summary>Always active.</summary>
    Always,

    /// <summary>Time ranges on days of the week, recurring weekly or monthly.</summary>
    DaysOfWeek,

    /// <summary>Date-time intervals, each optionally recurring.</summary>
    SpecificDates,

    /// <summary>Holidays from a holiday calendar or defined by the company, with observed-holiday rules.</summary>
    Holidays,

    /// <summary>The union of several days-of-week, specific-dates and holidays definitions.</summary>
    Custom,
}
