namespace K7.TimeFrames;

/// <summary>The unit by which a specific-dates interval repeats.</summary>
public enum DateFrequency
{
    /// <summary>Every N days.</summary>
    Daily,

    /// <summary>Every N weeks, on the weekday the interval starts.</summary>
    Weekly,

    /// <summary>Every N months on the day of month the interval starts; months without that day are skipped.</summary>
    MonthlyByDayOfMonth,

    /// <summary>Every N months on the same ordinal weekday as the start ("second Tuesday"; "last Friday" when the start is the last one).</summary>
    MonthlyByWeekday,

    /// <summary>Every N years on the start's month and day; February 29 recurs only in leap years.</summary>
    Yearly,
}
