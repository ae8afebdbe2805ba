using NodaTime;

namespace K7.TimeFrames;

/// <summary>A set of days of the week, as flags.</summary>
[Flags]
public enum Weekdays
{
    /// <summary>No day.</summary>
    None = 0,

    /// <summary>Monday.</summary>
    Monday = 1,

    /// <summary>Tuesday.</summary>
    Tuesday = 2,

    /// <summary>Wednesday.</summary>
    Wednesday = 4,

    /// <summary>Thursday.</summary>
    Thursday = 8,

    /// <summary>Friday.</summary>
    Friday = 16,

    /// <summary>Saturday.</summary>
    Saturday = 32,

    /// <summary>Sunday.</summary>
    Sunday = 64,

    /// <summary>Monday to Friday, the default work week.</summary>
    MondayToFriday = Monday | Tuesday | Wednesday | Thursday | Friday,

    /// <summary>Saturday and Sunday.</summary>
    Weekend = Saturday | Sunday,

    /// <summary>Every day of the week.</summary>
    All = MondayToFriday | Weekend,
}

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
