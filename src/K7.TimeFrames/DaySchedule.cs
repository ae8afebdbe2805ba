using System.Collections.Immutable;
using NodaTime;

namespace K7.TimeFrames;

/// <summary>The time ranges of one day of the week in a days-of-week time frame.</summary>
/// <remarks>Ranges are value-compared (in order) by <see cref="Equals(DaySchedule?)"/>.</remarks>
public sealed record DaySchedule
{
    /// <summary>Initializes a new instance of the <see cref="DaySchedule"/> class.</summary>
    /// <param name="day">The day of the week.</param>
    /// <param name="ranges">One or more time ranges on that day; they must not overlap.</param>
    public DaySchedule(IsoDayOfWeek day, params ReadOnlySpan<TimeRange> ranges)
    {
        Day = day;
        Ranges = [.. ranges];
    }

    /// <summary>Gets the day of the week.</summary>
    public IsoDayOfWeek Day { get; init; }

    /// <summary>Gets the time ranges, in the order they were given.</summary>
    /// <value>Default: empty, which is invalid in a time frame; the portal's default is <see cref="TimeRange.BusinessHours"/>.</value>
    public ImmutableArray<TimeRange> Ranges { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Returns the same ranges on every day in <paramref name="days"/> (the portal's "Copy to all").</summary>
    /// <param name="days">The days to copy to.</param>
    /// <returns>One schedule per day, Monday first.</returns>
    public ImmutableArray<DaySchedule> CopyTo(Weekdays days)
    {
        var builder = ImmutableArray.CreateBuilder<DaySchedule>();
        for (var d = IsoDayOfWeek.Monday; d <= IsoDayOfWeek.Sunday; d++)
        {
            if (days.Contains(d))
            {
                builder.Add(this with { Day = d });
            }
        }

        return builder.ToImmutable();
    }

    /// <inheritdoc/>
    public bool Equals(DaySchedule? other) =>
        other is not null && Day == other.Day && Ranges.AsSpan().SequenceEqual(other.Ranges.AsSpan());

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Day, Sequence.Hash(Ranges));
}
