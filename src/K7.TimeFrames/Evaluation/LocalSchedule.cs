namespace K7.TimeFrames;

/// <summary>
/// A compiled definition, read on the local time line: "local seconds" count seconds from 1970-01-01T00:00 of the
/// frame's wall clock, as if it were UTC. Day <c>d</c> covers local seconds <c>[86400·d, 86400·(d+1))</c>.
/// </summary>
internal abstract class LocalSchedule
{
    public const long SecondsPerDay = 86_400;

    /// <summary>Tells whether the wall-clock time <paramref name="localSeconds"/> is inside the schedule. Allocation-free.</summary>
    public abstract bool Contains(long localSeconds);

    /// <summary>Adds to <paramref name="sink"/> every local interval that intersects <c>[from, to)</c> (unclipped, in any order).</summary>
    public abstract void Collect(long from, long to, List<LocalSpan> sink);

    public static long FloorDay(long localSeconds) =>
        localSeconds >= 0 ? localSeconds / SecondsPerDay : ((localSeconds + 1) / SecondsPerDay) - 1;

    /// <summary>ISO day of week (Monday = 1) of a unix day number; 1970-01-01 was a Thursday.</summary>
    public static int IsoDayOfWeek(long day)
    {
        var r = (int)((day + 3) % 7);
        return (r < 0 ? r + 7 : r) + 1;
    }
}

/// <summary>A half-open interval <c>[Start, End)</c> of local seconds.</summary>
internal readonly record struct LocalSpan(long Start, long End);
