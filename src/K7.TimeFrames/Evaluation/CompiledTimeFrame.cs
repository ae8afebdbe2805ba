using NodaTime;

namespace K7.TimeFrames;

/// <summary>A time frame compiled for evaluation: <see cref="IsActive"/> is allocation-free and runs in nanoseconds.</summary>
/// <remarks>
/// <para><b>Meaning.</b> A frame is active at an instant when the wall clock of the frame's time zone, at that instant,
/// reads a local date and time inside one of the frame's local intervals. This is exact across DST: on a spring-forward
/// day a range that starts inside the gap (02:30 in America/New_York on 2025-03-09) becomes active at the first
/// instant whose wall time is inside it (03:00 EDT); a range wholly inside the gap never happens; in a fall-back
/// overlap (01:00–02:00 twice on 2025-11-02) a wall time that occurs twice is active both times.</para>
/// <para>Immutable and thread-safe. Holiday years are computed on first use and cached.</para>
/// </remarks>
public sealed class CompiledTimeFrame
{
    private readonly LocalSchedule _schedule;
    private readonly DateTimeZone _zone;
    private readonly int _horizonYears;

    private readonly IHolidayCalendar _calendar;

    internal CompiledTimeFrame(TimeFrame frame, LocalSchedule schedule, int horizonYears, IHolidayCalendar calendar)
    {
        Frame = frame;
        _calendar = calendar;
        _schedule = schedule;
        _zone = frame.Zone;
        _horizonYears = horizonYears;
    }

    /// <summary>Gets the frame this was compiled from.</summary>
    public TimeFrame Frame { get; }

    /// <summary>Returns the portal's one-line summary of the frame, e.g. "Days of the Week Fri, Sat · Every Week · Never".</summary>
    /// <returns>The summary.</returns>
    public TimeFrameSummary Summarize() => TimeFrameSummary.Of(Frame, _calendar);

    /// <summary>Tells whether the frame is active at <paramref name="instant"/>.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns><see langword="true"/> when the frame's wall clock at <paramref name="instant"/> is inside the frame.</returns>
    public bool IsActive(Instant instant)
    {
        var local = instant.ToUnixTimeSeconds() + _zone.GetUtcOffset(instant).Seconds;
        return _schedule.Contains(local);
    }

    /// <summary>Returns the index of the first frame in <paramref name="frames"/> that is active at <paramref name="instant"/>,
    /// skipping <see langword="null"/> entries; -1 when none is. Allocation-free.</summary>
    /// <remarks>The same as testing <see cref="IsActive"/> in order, but the zone's UTC offset is looked up once for
    /// consecutive frames in the same time zone (a user's frames usually are): the call path of answering rules.</remarks>
    /// <param name="frames">The frames, in priority order.</param>
    /// <param name="instant">The instant.</param>
    /// <returns>The index of the first active frame, or -1.</returns>
    public static int IndexOfFirstActive(ReadOnlySpan<CompiledTimeFrame?> frames, Instant instant)
    {
        var unixSeconds = instant.ToUnixTimeSeconds();
        DateTimeZone? zone = null;
        long local = 0;
        for (var i = 0; i < frames.Length; i++)
        {
            var frame = frames[i];
            if (frame is null)
            {
                continue;
            }

            if (!ReferenceEquals(frame._zone, zone))
            {
                zone = frame._zone;
                local = unixSeconds + zone.GetUtcOffset(instant).Seconds;
            }

            if (frame._schedule.Contains(local))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Tells whether the frame contains a wall-clock date and time of its zone (no time-zone conversion).</summary>
    /// <param name="localDateTime">The local date and time.</param>
    /// <returns><see langword="true"/> when it lies in one of the frame's local intervals.</returns>
    public bool Contains(LocalDateTime localDateTime) => _schedule.Contains(LocalTimeLine.Seconds(localDateTime));

    /// <summary>Returns the instants in <c>[start, end)</c> at which the frame is active, as sorted, disjoint, non-touching intervals.</summary>
    /// <param name="start">The start of the window (inclusive).</param>
    /// <param name="end">The end of the window (exclusive).</param>
    /// <returns>The active intervals, clipped to the window.</returns>
    public IReadOnlyList<Interval> GetActiveIntervals(Instant start, Instant end)
    {
        if (end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), "The end of the window is before its start.");
        }

        var result = new List<Interval>();
        if (end == start)
        {
            return result;
        }

        // Wall time is within ±18 h of UTC; widen by a day each side so intervals that reach into the window are seen.
        const long Margin = 2 * LocalSchedule.SecondsPerDay;
        var from = FloorSeconds(start) - Margin;
        var to = CeilingSeconds(end) + Margin;
        var spans = new List<LocalSpan>();
        _schedule.Collect(from, to, spans);
        LocalTimeLine.Merge(spans);

        var pieces = new List<Interval>();
        foreach (var span in spans)
        {
            LocalTimeLine.MapToInstants(_zone, Math.Max(span.Start, from), Math.Min(span.End, to), pieces);
        }

        pieces.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        foreach (var piece in pieces)
        {
            var s = piece.Start < start ? start : piece.Start;
            var e = piece.End > end ? end : piece.End;
            if (s >= e)
            {
                continue;
            }

            if (result.Count > 0 && result[^1].End >= s)
            {
                if (e > result[^1].End)
                {
                    result[^1] = new Interval(result[^1].Start, e);
                }

                continue;
            }

            result.Add(new Interval(s, e));
        }

        return result;
    }

    /// <summary>Returns the earliest instant at or after <paramref name="from"/> at which the frame is active.</summary>
    /// <param name="from">Where to start looking.</param>
    /// <returns><paramref name="from"/> itself when the frame is active then; otherwise the next activation; <see langword="null"/>
    /// when the frame is not active within <see cref="TimeFramesOptions.SearchHorizonYears"/> years.</returns>
    public Instant? GetNextActive(Instant from)
    {
        if (IsActive(from))
        {
            return from;
        }

        return FirstStartAfter(from);
    }

    /// <summary>Returns the next instant strictly after <paramref name="after"/> at which the frame becomes active (the start
    /// of an active interval): the portal's "Next on".</summary>
    /// <param name="after">The instant after which to look.</param>
    /// <returns>The start of the next active interval, or <see langword="null"/> when there is none within the search horizon.</returns>
    public Instant? GetNextStart(Instant after) => FirstStartAfter(after);

    /// <summary>The start of the first active interval that begins strictly after <paramref name="from"/>.</summary>
    private Instant? FirstStartAfter(Instant from)
    {
        var horizon = from.Plus(Duration.FromDays(366L * _horizonYears));
        var windowStart = from;
        var window = Duration.FromDays(8);
        while (windowStart < horizon)
        {
            var windowEnd = windowStart.Plus(window);
            if (windowEnd > horizon)
            {
                windowEnd = horizon;
            }

            foreach (var interval in GetActiveIntervals(windowStart, windowEnd))
            {
                // An interval clipped at `from` began at or before it; one clipped at a later window start may only
                // continue one that began in the window before.
                if (interval.Start == from)
                {
                    continue;
                }

                if (interval.Start == windowStart && windowStart != from && IsActive(windowStart.Minus(Duration.Epsilon)))
                {
                    continue;
                }

                return interval.Start;
            }

            windowStart = windowEnd;
            window = window * 2;
        }

        return null;
    }

    private static long FloorSeconds(Instant instant) => instant.ToUnixTimeSeconds();

    private static long CeilingSeconds(Instant instant)
    {
        var seconds = instant.ToUnixTimeSeconds();
        return Instant.FromUnixTimeSeconds(seconds) == instant ? seconds : seconds + 1;
    }
}
