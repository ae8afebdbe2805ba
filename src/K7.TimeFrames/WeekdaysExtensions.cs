using NodaTime;

namespace K7.TimeFrames;

/// <summary>Conversions between <see cref="Weekdays"/> and <see cref="IsoDayOfWeek"/>.</summary>
public static class WeekdaysExtensions
{
    /// <summary>Returns the flag of one day of the week.</summary>
    /// <param name="day">A day of the week; <see cref="IsoDayOfWeek.None"/> is rejected.</param>
    /// <returns>The single flag for <paramref name="day"/>.</returns>
    public static Weekdays ToWeekdays(this IsoDayOfWeek day)
    {
        if (day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, "Expected a day from Monday to Sunday.");
        }

        return (Weekdays)(1 << ((int)day - 1));
    }

    /// <summary>Tells whether the set contains <paramref name="day"/>.</summary>
    /// <param name="days">The set.</param>
    /// <param name="day">The day to look for.</param>
    /// <returns><see langword="true"/> when the day is in the set.</returns>
    public static bool Contains(this Weekdays days, IsoDayOfWeek day) =>
        day is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday && (days & (Weekdays)(1 << ((int)day - 1))) != 0;
}
