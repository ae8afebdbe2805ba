using NodaTime;

namespace K7.TimeFrames;

/// <summary>Conversions between NodaTime values and local seconds / unix day numbers.</summary>
internal static class LocalTimeLine
{
    private static readonly int UnixEpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    public static long Day(LocalDate date) => (long)date.ToDateOnly().DayNumber - UnixEpochDayNumber;

    public static LocalDate Date(long day) => LocalDate.FromDateOnly(DateOnly.FromDayNumber((int)(day + UnixEpochDayNumber)));

    public static int Year(long day) => DateOnly.FromDayNumber((int)(day + UnixEpochDayNumber)).Year;

    public static long Seconds(LocalDateTime value) =>
        (Day(value.Date) * LocalSchedule.SecondsPerDay) + (value.TimeOfDay.NanosecondOfDay / NodaConstants.NanosecondsPerSecond);

    public static LocalDateTime ToLocalDateTime(long localSeconds)
    {
        var day = LocalSchedule.FloorDay(localSeconds);
        var second = localSeconds - (day * LocalSchedule.SecondsPerDay);
        return Date(day) + LocalTime.FromSecondsSinceMidnight((int)second);
    }

    /// <summary>Sorts and merges overlapping or touching spans in place; returns the new count.</summary>
    public static int Merge(List<LocalSpan> spans)
    {
        if (spans.Count <= 1)
        {
            return spans.Count;
        }

        spans.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        var write = 0;
        for (var read = 1; read < spans.Count; read++)
        {
            var current = spans[write];
            var next = spans[read];
            if (next.Start <= current.End)
            {
                if (next.End > current.End)
                {
                    spans[write] = current with { End = next.End };
                }
            }
            else
            {
                spans[++write] = next;
            }
        }

        spans.RemoveRange(write + 1, spans.Count - write - 1);
        return spans.Count;
    }

    /// <summary>
    /// Adds the instants whose wall-clock time in <paramref name="zone"/> lies in <c>[start, end)</c> local seconds.
    /// Around a DST overlap that is one or two instant intervals; a local interval wholly inside a gap yields none.
    /// </summary>
    public static void MapToInstants(DateTimeZone zone, long start, long end, List<Interval> sink)
    {
        const long MaxOffset = 18 * 3600;
        var t = Instant.FromUnixTimeSeconds(Math.Max(start - MaxOffset, MinUnixSeconds));
        var limit = end + MaxOffset;
        while (true)
        {
            var zoneInterval = zone.GetZoneInterval(t);
            var offset = zoneInterval.WallOffset.Seconds;
            var s = zoneInterval.HasStart ? zoneInterval.Start.ToUnixTimeSeconds() : long.MinValue;
            var e = zoneInterval.HasEnd ? zoneInterval.End.ToUnixTimeSeconds() : long.MaxValue;
            var pieceStart = Math.Max(s, start - offset);
            var pieceEnd = Math.Min(e, end - offset);
            if (pieceStart < pieceEnd)
            {
                Add(sink, Instant.FromUnixTimeSeconds(pieceStart), Instant.FromUnixTimeSeconds(pieceEnd));
            }

            if (!zoneInterval.HasEnd || e >= limit)
            {
                return;
            }

            t = zoneInterval.End;
        }
    }

    private static readonly long MinUnixSeconds = Instant.MinValue.ToUnixTimeSeconds() + 1;

    private static void Add(List<Interval> sink, Instant start, Instant end)
    {
        if (sink.Count > 0 && sink[^1].End == start)
        {
            sink[^1] = new Interval(sink[^1].Start, end);
            return;
        }

        sink.Add(new Interval(start, end));
    }
}
