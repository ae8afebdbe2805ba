using System.Collections.Immutable;
using NodaTime;

namespace K7.TimeFrames;

/// <summary>Time ranges on days of the week (portal section 7.1.1), recurring every N weeks or monthly on an ordinal weekday.</summary>
/// <remarks>
/// An occurrence is one day on which the frame's ranges apply; a range that crosses midnight belongs to the day it starts.
/// <see cref="Days"/> is value-compared (in order).
/// </remarks>
public sealed record DaysOfWeekDefinition : TimeFrameDefinition
{
    /// <summary>Initializes a new instance of the <see cref="DaysOfWeekDefinition"/> class.</summary>
    /// <param name="days">The schedule of each selected day; each day at most once.</param>
    public DaysOfWeekDefinition(params ReadOnlySpan<DaySchedule> days) => Days = [.. days];

    /// <inheritdoc/>
    public override TimeFrameKind Kind => TimeFrameKind.DaysOfWeek;

    /// <summary>Gets the schedule of each selected day.</summary>
    public ImmutableArray<DaySchedule> Days { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets how the days repeat.</summary>
    /// <value>Default: <see cref="DaysOfWeekRecurrence.EveryWeek"/>.</value>
    public DaysOfWeekRecurrence Recurrence { get; init; } = DaysOfWeekRecurrence.EveryWeek;

    /// <summary>Gets the first date on which the frame applies, or <see langword="null"/> for no start.</summary>
    /// <value>Default: <see langword="null"/>. Required when the interval is above 1 or the end is a count.</value>
    public LocalDate? StartDate { get; init; }

    /// <summary>Gets when the recurrence ends.</summary>
    /// <value>Default: <see cref="RecurrenceEnd.Never"/>.</value>
    public RecurrenceEnd End { get; init; }

    /// <inheritdoc/>
    public bool Equals(DaysOfWeekDefinition? other) =>
        other is not null && Sequence.Equal(Days, other.Days) && Recurrence == other.Recurrence
        && StartDate == other.StartDate && End == other.End;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Sequence.Hash(Days), Recurrence, StartDate, End);
}
