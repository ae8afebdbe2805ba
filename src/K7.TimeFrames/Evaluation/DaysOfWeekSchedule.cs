using NodaTime;

namespace K7.TimeFrames;

/// <summary>A compiled <see cref="DaysOfWeekDefinition"/>.</summary>
internal sealed class DaysOfWeekSchedule : LocalSchedule
{
    // Per ISO weekday w (1..7): ranges that start on w, as [start, end) seconds of the day with end up to 86400,
    // at _same[_sameIndex[w-1] .. _sameIndex[w]); and the after-midnight parts of ranges that started on the day
    // before w, as [0, end), at _spill[_spillIndex[w-1] .. _spillIndex[w]).
    private readonly int[] _same;
    private readonly int[] _sameIndex;
    private readonly int[] _spill;
    private readonly int[] _spillIndex;
    private readonly int[] _rangeStart;
    private readonly int[] _rangeLength;
    private readonly int[] _rangeIndex;
    private readonly Weekdays _selected;
    private readonly long _firstDay;
    private readonly long _lastDay;
    private readonly int _interval;
    private readonly WeekdayOrdinal? _ordinal;
    private readonly long _anchorWeekStart;
    private readonly int _anchorMonth;

    public DaysOfWeekSchedule(DaysOfWeekDefinition definition)
    {
        var same = new List<int>[7];
        var spill = new List<int>[7];
        var ranges = new List<(int Start, int Length)>[7];
        for (var i = 0; i < 7; i++)
        {
            same[i] = [];
            spill[i] = [];
            ranges[i] = [];
        }

        foreach (var day in definition.Days)
        {
            var w = (int)day.Day - 1;
            _selected |= day.Day.ToWeekdays();
            foreach (var range in day.Ranges)
            {
                var start = range.StartSecond;
                var end = start + range.LengthSeconds;
                ranges[w].Add((start, range.LengthSeconds));
                same[w].Add(start);
                same[w].Add((int)Math.Min(end, SecondsPerDay));
                if (end > SecondsPerDay)
                {
                    spill[(w + 1) % 7].Add(0);
                    spill[(w + 1) % 7].Add((int)(end - SecondsPerDay));
                }
            }
        }

        (_same, _sameIndex) = Flatten(same);
        (_spill, _spillIndex) = Flatten(spill);
        _rangeIndex = new int[8];
        var starts = new List<int>();
        var lengths = new List<int>();
        for (var i = 0; i < 7; i++)
        {
            _rangeIndex[i] = starts.Count;
            foreach (var (s, l) in ranges[i])
            {
                starts.Add(s);
                lengths.Add(l);
            }
        }

        _rangeIndex[7] = starts.Count;
        _rangeStart = [.. starts];
        _rangeLength = [.. lengths];

        _interval = definition.Recurrence.Interval;
        _ordinal = definition.Recurrence.Ordinal;
        _firstDay = definition.StartDate is { } startDate ? LocalTimeLine.Day(startDate) : long.MinValue / 4;
        var anchor = definition.StartDate ?? new LocalDate(1970, 1, 5);
        _anchorWeekStart = LocalTimeLine.Day(DateMath.WeekStart(anchor));
        _anchorMonth = DateMath.MonthNumber(anchor);
        _lastDay = definition.End.Date is { } endDate ? LocalTimeLine.Day(endDate) : long.MaxValue / 4;
        if (definition.End.Count is { } count)
        {
            _lastDay = FindNthOccurrence(count);
        }
    }

    public override bool Contains(long localSeconds)
    {
        var day = FloorDay(localSeconds);
        var second = (int)(localSeconds - (day * SecondsPerDay));
        var w = IsoDayOfWeek(day);
        var same = _same;
        for (var i = _sameIndex[w - 1]; i < _sameIndex[w]; i += 2)
        {
            if (second >= same[i] && second < same[i + 1] && IsOccurrenceDay(day, w))
            {
                return true;
            }
        }

        var spill = _spill;
        for (var i = _spillIndex[w - 1]; i < _spillIndex[w]; i += 2)
        {
            if (second < spill[i + 1] && IsOccurrenceDay(day - 1, w == 1 ? 7 : w - 1))
            {
                return true;
            }
        }

        return false;
    }

    public override void Collect(long from, long to, List<LocalSpan> sink)
    {
        var firstDay = Math.Max(FloorDay(from) - 1, _firstDay);
        var lastDay = Math.Min(FloorDay(to - 1), _lastDay);
        for (var day = firstDay; day <= lastDay; day++)
        {
            var w = IsoDayOfWeek(day);
            if (_rangeIndex[w - 1] == _rangeIndex[w] || !IsOccurrenceDay(day, w))
            {
                continue;
            }

            for (var i = _rangeIndex[w - 1]; i < _rangeIndex[w]; i++)
            {
                var start = (day * SecondsPerDay) + _rangeStart[i];
                var end = start + _rangeLength[i];
                if (end > from && start < to)
                {
                    sink.Add(new LocalSpan(start, end));
                }
            }
        }
    }

    private bool IsOccurrenceDay(long day, int isoWeekday)
    {
        if (day < _firstDay || day > _lastDay || !_selected.Contains((IsoDayOfWeek)isoWeekday))
        {
            return false;
        }

        if (_ordinal is null)
        {
            if (_interval == 1)
            {
                return true;
            }

            var weeks = (day - (isoWeekday - 1) - _anchorWeekStart) / 7;
            return weeks % _interval == 0;
        }

        var date = LocalTimeLine.Date(day);
        var months = DateMath.MonthNumber(date) - _anchorMonth;
        return months % _interval == 0 && DateMath.IsOrdinal(date, _ordinal.Value);
    }

    /// <summary>The day of the <paramref name="count"/>-th occurrence; when fewer occur before the end of the supported
    /// range (year 2200), the last one that does (or the day before the start when none does).</summary>
    private long FindNthOccurrence(int count)
    {
        var seen = 0;
        var last = _firstDay - 1;
        var limit = LocalTimeLine.Day(new LocalDate(TimeFrameValidator.MaxYear, 12, 31));
        for (var day = _firstDay; day <= limit; day++)
        {
            if (IsOccurrenceDay(day, IsoDayOfWeek(day)))
            {
                last = day;
                if (++seen == count)
                {
                    break;
                }
            }
        }

        return last;
    }

    private static (int[] Values, int[] Index) Flatten(List<int>[] perDay)
    {
        var index = new int[8];
        var values = new List<int>();
        for (var i = 0; i < 7; i++)
        {
            index[i] = values.Count;
            values.AddRange(perDay[i]);
        }

        index[7] = values.Count;
        return ([.. values], index);
    }
}
