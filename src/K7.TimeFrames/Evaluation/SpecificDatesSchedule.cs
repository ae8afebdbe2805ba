using NodaTime;

namespace K7.TimeFrames;

/// <summary>A compiled <see cref="SpecificDatesDefinition"/>.</summary>
internal sealed class SpecificDatesSchedule : LocalSchedule
{
    private readonly long[] _once;
    private readonly RecurringInterval[] _recurring;

    public SpecificDatesSchedule(SpecificDatesDefinition definition)
    {
        var once = new List<LocalSpan>();
        var recurring = new List<RecurringInterval>();
        foreach (var interval in definition.Intervals)
        {
            if (interval.Recurrence is null)
            {
                once.Add(new LocalSpan(LocalTimeLine.Seconds(interval.Start), LocalTimeLine.Seconds(interval.End)));
            }
            else
            {
                recurring.Add(new RecurringInterval(interval, interval.Recurrence));
            }
        }

        LocalTimeLine.Merge(once);
        _once = new long[once.Count * 2];
        for (var i = 0; i < once.Count; i++)
        {
            _once[2 * i] = once[i].Start;
            _once[(2 * i) + 1] = once[i].End;
        }

        _recurring = [.. recurring];
    }

    public override bool Contains(long localSeconds)
    {
        var once = _once;
        for (var i = 0; i < once.Length; i += 2)
        {
            if (localSeconds >= once[i] && localSeconds < once[i + 1])
            {
                return true;
            }
        }

        foreach (var recurring in _recurring)
        {
            if (recurring.Contains(localSeconds))
            {
                return true;
            }
        }

        return false;
    }

    public override void Collect(long from, long to, List<LocalSpan> sink)
    {
        for (var i = 0; i < _once.Length; i += 2)
        {
            if (_once[i + 1] > from && _once[i] < to)
            {
                sink.Add(new LocalSpan(_once[i], _once[i + 1]));
            }
        }

        foreach (var recurring in _recurring)
        {
            recurring.Collect(from, to, sink);
        }
    }

    /// <summary>One recurring interval: occurrence k starts in period k (k = 0 is the interval as given).</summary>
    private sealed class RecurringInterval
    {
        private readonly DateFrequency _frequency;
        private readonly int _interval;
        private readonly LocalDate _startDate;
        private readonly long _startDay;
        private readonly int _startSecondOfDay;
        private readonly long _length;
        private readonly long _lastStartDay;
        private readonly long _maxIndex;
        private readonly WeekdayOrdinal _ordinal;

        public RecurringInterval(SpecificDateInterval interval, DateRecurrence recurrence)
        {
            _frequency = recurrence.Frequency;
            _interval = recurrence.Interval;
            _startDate = interval.Start.Date;
            _startDay = LocalTimeLine.Day(_startDate);
            _startSecondOfDay = interval.Start.TimeOfDay.Hour * 3600 + interval.Start.TimeOfDay.Minute * 60 + interval.Start.TimeOfDay.Second;
            _length = LocalTimeLine.Seconds(interval.End) - LocalTimeLine.Seconds(interval.Start);
            var (n, _) = DateMath.WeekdayPosition(_startDate);
            _ordinal = n == 5 ? WeekdayOrdinal.Last : (WeekdayOrdinal)n;
            _lastStartDay = recurrence.End.Date is { } until ? LocalTimeLine.Day(until) : long.MaxValue / 4;
            _maxIndex = long.MaxValue / 4;
            if (recurrence.End.Count is { } count)
            {
                // The count-th occurrence, or the last one before the end of the supported range (year 2200).
                var limit = LocalTimeLine.Day(new LocalDate(TimeFrameValidator.MaxYear, 12, 31));
                var seen = 0;
                _maxIndex = -1;
                for (long k = 0; ; k++)
                {
                    var day = OccurrenceDay(k);
                    if (day > limit || (day is null && PeriodStartDay(k) > limit))
                    {
                        break;
                    }

                    if (day is not null)
                    {
                        _maxIndex = k;
                        if (++seen == count)
                        {
                            break;
                        }
                    }
                }
            }
        }

        public bool Contains(long localSeconds)
        {
            var k = PeriodIndex(FloorDay(localSeconds));
            return Covers(k, localSeconds) || Covers(k - 1, localSeconds);
        }

        public void Collect(long from, long to, List<LocalSpan> sink)
        {
            var first = Math.Max(PeriodIndex(FloorDay(from)) - 1, 0);
            var last = Math.Min(PeriodIndex(FloorDay(to - 1)), _maxIndex);
            for (var k = first; k <= last; k++)
            {
                if (OccurrenceDay(k) is { } day && day <= _lastStartDay)
                {
                    var start = (day * SecondsPerDay) + _startSecondOfDay;
                    if (start < to && start + _length > from)
                    {
                        sink.Add(new LocalSpan(start, start + _length));
                    }
                }
            }
        }

        private bool Covers(long k, long localSeconds)
        {
            if (k < 0 || k > _maxIndex || OccurrenceDay(k) is not { } day || day > _lastStartDay)
            {
                return false;
            }

            var start = (day * SecondsPerDay) + _startSecondOfDay;
            return localSeconds >= start && localSeconds < start + _length;
        }

        /// <summary>The period that contains <paramref name="day"/>, counted from the start (floor; negative before it).</summary>
        private long PeriodIndex(long day)
        {
            switch (_frequency)
            {
                case DateFrequency.Daily:
                    return FloorDiv(day - _startDay, _interval);
                case DateFrequency.Weekly:
                    return FloorDiv(day - _startDay, 7L * _interval);
                case DateFrequency.Yearly:
                    return FloorDiv(LocalTimeLine.Year(day) - _startDate.Year, _interval);
                default:
                    var date = LocalTimeLine.Date(day);
                    return FloorDiv(DateMath.MonthNumber(date) - DateMath.MonthNumber(_startDate), _interval);
            }
        }

        /// <summary>A lower bound of the first day of period <paramref name="k"/>, to stop searches.</summary>
        private long PeriodStartDay(long k) => _frequency switch
        {
            DateFrequency.Daily => _startDay + (k * _interval),
            DateFrequency.Weekly => _startDay + (k * 7 * _interval),
            DateFrequency.Yearly => _startDay + (k * _interval * 365),
            _ => _startDay + (k * _interval * 28),
        };

        /// <summary>The unix day on which occurrence <paramref name="k"/> starts, or null when that period has none (Feb 29, the 31st, a fifth weekday).</summary>
        private long? OccurrenceDay(long k)
        {
            switch (_frequency)
            {
                case DateFrequency.Daily:
                    return _startDay + (k * _interval);
                case DateFrequency.Weekly:
                    return _startDay + (k * 7 * _interval);
                case DateFrequency.Yearly:
                    {
                        var year = _startDate.Year + (k * _interval);
                        if (year > 9999)
                        {
                            return null;
                        }

                        var y = (int)year;
                        return _startDate.Day <= CalendarSystem.Iso.GetDaysInMonth(y, _startDate.Month)
                            ? LocalTimeLine.Day(new LocalDate(y, _startDate.Month, _startDate.Day))
                            : null;
                    }

                default:
                    {
                        var month = DateMath.MonthNumber(_startDate) + (k * _interval);
                        if (month > (9999 * 12) + 11)
                        {
                            return null;
                        }

                        var y = (int)(month / 12);
                        var m = (int)(month % 12) + 1;
                        if (_frequency == DateFrequency.MonthlyByDayOfMonth)
                        {
                            return _startDate.Day <= CalendarSystem.Iso.GetDaysInMonth(y, m)
                                ? LocalTimeLine.Day(new LocalDate(y, m, _startDate.Day))
                                : null;
                        }

                        return DateMath.NthWeekdayOfMonth(y, m, _startDate.DayOfWeek, _ordinal) is { } date ? LocalTimeLine.Day(date) : null;
                    }
            }
        }

        private static long FloorDiv(long a, long b) => a >= 0 ? a / b : ((a + 1) / b) - 1;
    }
}
