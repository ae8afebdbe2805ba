namespace K7.TimeFrames;

/// <summary>How a days-of-week time frame repeats: every N weeks, or every N months on an ordinal weekday.</summary>
/// <remarks>
/// Weekly: the frame's days apply in every <see cref="Interval"/>-th ISO week (Monday to Sunday), counted from the
/// week of the frame's start date. Monthly: each selected weekday applies only on its <see cref="Ordinal"/>
/// occurrence ("first Monday", "last Friday") in every <see cref="Interval"/>-th month, counted from the start date's month.
/// </remarks>
public sealed record DaysOfWeekRecurrence
{
    /// <summary>Gets the portal's default: every week.</summary>
    public static DaysOfWeekRecurrence EveryWeek { get; } = new();

    /// <summary>Gets a value indicating whether the recurrence is monthly on <see cref="Ordinal"/>, rather than weekly.</summary>
    public bool IsMonthly => Ordinal is not null;

    /// <summary>Gets the number of weeks (weekly) or months (monthly) between repetitions.</summary>
    /// <value>Default: 1. Range 1–99.</value>
    public int Interval { get; init; } = 1;

    /// <summary>Gets which occurrence of each weekday in the month applies, or <see langword="null"/> for a weekly recurrence.</summary>
    /// <value>Default: <see langword="null"/> (weekly).</value>
    public WeekdayOrdinal? Ordinal { get; init; }

    /// <summary>Returns a recurrence every <paramref name="weeks"/> weeks.</summary>
    /// <param name="weeks">The number of weeks between repetitions.</param>
    /// <returns>The recurrence.</returns>
    public static DaysOfWeekRecurrence Weekly(int weeks = 1) => new() { Interval = weeks };

    /// <summary>Returns a recurrence on the <paramref name="ordinal"/> weekday of every <paramref name="months"/> months.</summary>
    /// <param name="ordinal">Which occurrence of the weekday.</param>
    /// <param name="months">The number of months between repetitions.</param>
    /// <returns>The recurrence.</returns>
    public static DaysOfWeekRecurrence Monthly(WeekdayOrdinal ordinal, int months = 1) => new() { Ordinal = ordinal, Interval = months };
}
