using NodaTime;

namespace K7.Voicemail.Purging;

/// <summary>A time of day in a time zone, and the instants it falls on: "every day at 03:00 in America/New_York".</summary>
/// <remarks>
/// Wall-clock semantics: on the day clocks spring forward past the time, it falls on the first instant after the gap;
/// on the day they fall back over it, on its first occurrence only. Immutable and thread-safe.
/// </remarks>
public sealed class DailySchedule
{
    /// <summary>Initializes a new instance of the <see cref="DailySchedule"/> class.</summary>
    /// <param name="timeOfDay">The local time of day.</param>
    /// <param name="zone">The time zone of that time.</param>
    public DailySchedule(LocalTime timeOfDay, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        TimeOfDay = timeOfDay;
        Zone = zone;
    }

    /// <summary>Gets the local time of day.</summary>
    public LocalTime TimeOfDay { get; }

    /// <summary>Gets the time zone.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The first instant of the schedule strictly after <paramref name="after"/>.</summary>
    /// <param name="after">The instant to look after.</param>
    /// <returns>The next time the schedule falls.</returns>
    public Instant NextAfter(Instant after)
    {
        var date = after.InZone(Zone).Date;
        for (var i = 0; i < 3; i++)
        {
            var candidate = Zone.AtLeniently(date.PlusDays(i) + TimeOfDay).ToInstant();
            if (candidate > after)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No occurrence of the daily schedule within three days; the time zone data is inconsistent.");
    }

    /// <inheritdoc/>
    public override string ToString() => $"daily at {TimeOfDay:HH':'mm} {Zone.Id}";
}
