using NodaTime;
using NodaTime.Text;

namespace K7.TimeFrames;

/// <summary>The property names, enum values and date patterns of the time-frame JSON format (docs/timeframes-json.md).</summary>
internal static class TimeFrameJsonText
{
    /// <summary>The value of <c>owner</c> for a frame owned by the domain.</summary>
    public const string Domain = "domain";

    /// <summary>Dates: <c>2025-01-03</c>.</summary>
    public static readonly LocalDatePattern Date = LocalDatePattern.Iso;

    /// <summary>Date-times as written: <c>2025-12-23T17:00:00</c>.</summary>
    public static readonly LocalDateTimePattern DateTime = LocalDateTimePattern.GeneralIso;

    /// <summary>Date-times also read without seconds: <c>2025-12-23T17:00</c>.</summary>
    public static readonly LocalDateTimePattern ShortDateTime =
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");

    /// <summary>Definition kinds, indexed by <see cref="TimeFrameKind"/>.</summary>
    public static readonly string[] Kinds = ["always", "daysOfWeek", "specificDates", "holidays", "custom"];

    /// <summary>Days of the week, Monday first: index <c>(int)day - 1</c>.</summary>
    public static readonly string[] Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>Weekday ordinals: index 0–4 for <see cref="WeekdayOrdinal.First"/>–<see cref="WeekdayOrdinal.Fifth"/>, 5 for <see cref="WeekdayOrdinal.Last"/>.</summary>
    public static readonly string[] Ordinals = ["first", "second", "third", "fourth", "fifth", "last"];

    /// <summary>Specific-dates frequencies, indexed by <see cref="DateFrequency"/>.</summary>
    public static readonly string[] Frequencies = ["daily", "weekly", "monthlyByDayOfMonth", "monthlyByWeekday", "yearly"];

    /// <summary>Observed-holiday shifts, indexed by <see cref="ObservedShift"/>.</summary>
    public static readonly string[] Shifts = ["notMoved", "precedingWorkday", "followingWorkday", "both"];

    /// <summary>Units of a days-of-week recurrence: weekly, or monthly on an ordinal weekday.</summary>
    public static readonly string[] Units = ["week", "month"];

    /// <summary>Kinds of company-holiday rule.</summary>
    public static readonly string[] RuleKinds = ["fixedDate", "weekdayOfMonth", "easterOffset"];

    public static string Kind(TimeFrameKind kind) => Kinds[(int)kind];

    public static string Day(IsoDayOfWeek day) => Days[(int)day - 1];

    public static string Ordinal(WeekdayOrdinal ordinal) => ordinal == WeekdayOrdinal.Last ? Ordinals[5] : Ordinals[(int)ordinal - 1];

    public static WeekdayOrdinal OrdinalAt(int index) => index == 5 ? WeekdayOrdinal.Last : (WeekdayOrdinal)(index + 1);

    public static string FormatDate(LocalDate date) => Date.Format(date);

    public static string FormatDateTime(LocalDateTime dateTime) => DateTime.Format(dateTime);

    /// <summary>Lists the accepted values for an error message: <c>'a', 'b' or 'c'</c>.</summary>
    public static string OneOf(string[] values)
    {
        var quoted = new string[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            quoted[i] = $"'{values[i]}'";
        }

        return values.Length == 1 ? quoted[0] : $"{string.Join(", ", quoted, 0, quoted.Length - 1)} or {quoted[^1]}";
    }
}
