using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;

namespace K7.TimeFrames;

/// <summary>
/// Observed-holiday rules: on which days a holiday is observed, depending on the day of the week it falls on.
/// </summary>
/// <remarks>
/// <para>The defaults are the United States federal rule: a Saturday holiday is observed on the preceding Friday, a
/// Sunday holiday on the following Monday, with a Monday-to-Friday work week; the holiday's own date stays a
/// holiday as well (<see cref="KeepActualDay"/>). New Year's Day 2022, a Saturday, is then observed on Friday
/// 2021-12-31, in the previous year, and on 2022-01-01.</para>
/// <para>The preceding workday is the nearest date strictly before the holiday whose day of the week is in
/// <see cref="WorkWeek"/>; the following workday likewise after it. Other holidays are not taken into account: a
/// holiday moved onto another holiday stays there.</para>
/// <para>Validation: <see cref="Validate"/> throws <see cref="ArgumentException"/> for rules that cannot be applied
/// (a <see cref="WorkWeek"/> without any day, or an undefined <see cref="ObservedShift"/>), for callers that take the
/// rules as an argument. Instances are not checked when built, so that a configuration binder or a deserializer can
/// produce them and a validator can report every problem; <see cref="GetObservedDates(LocalDate, Span{LocalDate})"/>
/// throws <see cref="InvalidOperationException"/> when it meets one.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed record ObservedHolidayRules
{
    /// <summary>The largest number of dates <see cref="GetObservedDates(LocalDate, Span{LocalDate})"/> writes.</summary>
    public const int MaxObservedDates = 3;

    /// <summary>Gets the United States federal rule, which is also the default of every property.</summary>
    public static ObservedHolidayRules UnitedStates { get; } = new();

    /// <summary>Gets the rules under which every holiday is observed on its own date only.</summary>
    public static ObservedHolidayRules None { get; } = new()
    {
        Saturday = ObservedShift.NotMoved,
        Sunday = ObservedShift.NotMoved,
    };

    /// <summary>Gets the days of the week that are workdays, the only days a holiday moves to.</summary>
    /// <value>Default: <see cref="Weekdays.MondayToFriday"/>.</value>
    public Weekdays WorkWeek { get; init; } = Weekdays.MondayToFriday;

    /// <summary>Gets where a holiday falling on a Monday is observed.</summary>
    /// <value>Default: <see cref="ObservedShift.NotMoved"/>.</value>
    public ObservedShift Monday { get; init; }

    /// <summary>Gets where a holiday falling on a Tuesday is observed.</summary>
    /// <value>Default: <see cref="ObservedShift.NotMoved"/>.</value>
    public ObservedShift Tuesday { get; init; }

    /// <summary>Gets where a holiday falling on a Wednesday is observed.</summary>
    /// <value>Default: <see cref="ObservedShift.NotMoved"/>.</value>
    public ObservedShift Wednesday { get; init; }

    /// <summary>Gets where a holiday falling on a Thursday is observed.</summary>
    /// <value>Default: <see cref="ObservedShift.NotMoved"/>.</value>
    public ObservedShift Thursday { get; init; }

    /// <summary>Gets where a holiday falling on a Friday is observed.</summary>
    /// <value>Default: <see cref="ObservedShift.NotMoved"/>.</value>
    public ObservedShift Friday { get; init; }

    /// <summary>Gets where a holiday falling on a Saturday is observed.</summary>
    /// <value>Default: <see cref="ObservedShift.PrecedingWorkday"/>.</value>
    public ObservedShift Saturday { get; init; } = ObservedShift.PrecedingWorkday;

    /// <summary>Gets where a holiday falling on a Sunday is observed.</summary>
    /// <value>Default: <see cref="ObservedShift.FollowingWorkday"/>.</value>
    public ObservedShift Sunday { get; init; } = ObservedShift.FollowingWorkday;

    /// <summary>
    /// Gets a value indicating whether a moved holiday is still observed on its own date too (the frame is active on
    /// both days). A holiday that does not move is always observed on its own date.
    /// </summary>
    /// <value>Default: <see langword="true"/>.</value>
    public bool KeepActualDay { get; init; } = true;

    /// <summary>Returns the rule for holidays falling on <paramref name="day"/>.</summary>
    /// <param name="day">A day of the week, Monday to Sunday.</param>
    /// <returns>The shift.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not Monday to Sunday.</exception>
    public ObservedShift GetShift(IsoDayOfWeek day) => day switch
    {
        IsoDayOfWeek.Monday => Monday,
        IsoDayOfWeek.Tuesday => Tuesday,
        IsoDayOfWeek.Wednesday => Wednesday,
        IsoDayOfWeek.Thursday => Thursday,
        IsoDayOfWeek.Friday => Friday,
        IsoDayOfWeek.Saturday => Saturday,
        IsoDayOfWeek.Sunday => Sunday,
        _ => throw new ArgumentOutOfRangeException(nameof(day), day, "Expected a day from Monday to Sunday."),
    };

    /// <summary>Checks that the rules can be applied.</summary>
    /// <exception cref="ArgumentException">
    /// <see cref="WorkWeek"/> has no day or has undefined flags (ParamName <c>WorkWeek</c>), or a day's rule is not a
    /// defined <see cref="ObservedShift"/> (ParamName: the day, such as <c>Saturday</c>).
    /// </exception>
    public void Validate()
    {
        if ((WorkWeek & ~Weekdays.All) != 0)
        {
            throw new ArgumentException($"'{WorkWeek}' has flags that are not days of the week.", nameof(WorkWeek));
        }

        if (WorkWeek == Weekdays.None)
        {
            throw new ArgumentException("The work week needs at least one workday: observed holidays move to workdays.", nameof(WorkWeek));
        }

        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            var shift = GetShift(day);
            if (!Enum.IsDefined(shift))
            {
                throw new ArgumentException($"'{shift}' is not an observed-holiday rule.", day.ToString());
            }
        }
    }

    /// <summary>
    /// Writes the dates on which a holiday falling on <paramref name="actual"/> is observed, in ascending order and
    /// without duplicates: the preceding workday, the holiday itself and the following workday, as the rules say.
    /// Does not allocate.
    /// </summary>
    /// <param name="actual">The holiday's actual date.</param>
    /// <param name="destination">Where to write the dates; <see cref="MaxObservedDates"/> items always suffice.</param>
    /// <returns>The number of dates written, 1 to 3.</returns>
    /// <remarks>
    /// <paramref name="actual"/> is included when <see cref="KeepActualDay"/> is set or the holiday does not move.
    /// The dates may fall in another year than the holiday (2022-01-01 observed on 2021-12-31).
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short for the dates.</exception>
    /// <exception cref="InvalidOperationException">The rules are invalid (see <see cref="Validate"/>) for this day.</exception>
    public int GetObservedDates(LocalDate actual, Span<LocalDate> destination)
    {
        var shift = GetShift(actual.DayOfWeek);
        if ((uint)shift > (uint)ObservedShift.Both)
        {
            ThrowInvalid($"'{shift}' is not an observed-holiday rule.");
        }

        var before = shift is ObservedShift.PrecedingWorkday or ObservedShift.Both;
        var after = shift is ObservedShift.FollowingWorkday or ObservedShift.Both;
        var keep = KeepActualDay || shift == ObservedShift.NotMoved;
        if ((before || after) && (WorkWeek & Weekdays.All) == Weekdays.None)
        {
            ThrowInvalid("The work week has no workday to move the holiday to.");
        }

        var count = (before ? 1 : 0) + (keep ? 1 : 0) + (after ? 1 : 0);
        if (destination.Length < count)
        {
            ThrowDestinationTooShort(count, nameof(destination));
        }

        var written = 0;
        if (before)
        {
            destination[written++] = NearestWorkday(actual, -1);
        }

        if (keep)
        {
            destination[written++] = actual;
        }

        if (after)
        {
            destination[written++] = NearestWorkday(actual, 1);
        }

        return written;
    }

    /// <summary>Returns the dates on which a holiday falling on <paramref name="actual"/> is observed, ascending.</summary>
    /// <param name="actual">The holiday's actual date.</param>
    /// <returns>One to three distinct dates; see <see cref="GetObservedDates(LocalDate, Span{LocalDate})"/>.</returns>
    /// <exception cref="InvalidOperationException">The rules are invalid (see <see cref="Validate"/>) for this day.</exception>
    public IReadOnlyList<LocalDate> GetObservedDates(LocalDate actual)
    {
        Span<LocalDate> dates = stackalloc LocalDate[MaxObservedDates];
        var count = GetObservedDates(actual, dates);
        return dates[..count].ToArray();
    }

    [DoesNotReturn]
    private static void ThrowInvalid(string message) => throw new InvalidOperationException(message);

    [DoesNotReturn]
    private static void ThrowDestinationTooShort(int count, string paramName) =>
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The destination needs room for {count} dates."), paramName);

    private LocalDate NearestWorkday(LocalDate actual, int step)
    {
        var date = actual.PlusDays(step);
        while (!WorkWeek.Contains(date.DayOfWeek))
        {
            date = date.PlusDays(step);
        }

        return date;
    }
}
