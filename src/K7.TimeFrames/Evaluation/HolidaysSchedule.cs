using NodaTime;

namespace K7.TimeFrames;

/// <summary>
/// A compiled <see cref="HolidaysDefinition"/>: for each year, the sorted local intervals during which the frame is
/// active (observed days with their time range), built on first use of that year and then read without allocating.
/// </summary>
internal sealed class HolidaysSchedule : LocalSchedule
{
    private const int FirstYear = TimeFrameValidator.MinYear;
    private const int LastYear = TimeFrameValidator.MaxYear;

    private readonly HolidaySelection[] _holidays;
    private readonly ObservedHolidayRules _observed;
    private readonly IHolidayCalendar _calendar;
    private readonly long[]?[] _years = new long[]?[LastYear - FirstYear + 1];
    private readonly (int First, int Last)[] _coverage;

    public HolidaysSchedule(HolidaysDefinition definition, IHolidayCalendar calendar)
    {
        _holidays = [.. definition.Holidays];
        _observed = definition.Observed;
        _calendar = calendar;

        // The years the calendar has data for, per selection: outside them a calendar holiday does not occur.
        _coverage = new (int, int)[_holidays.Length];
        for (var i = 0; i < _holidays.Length; i++)
        {
            _coverage[i] = _holidays[i].Company is null && calendar.TryGetCountry(_holidays[i].Country!, out var country)
                ? (country.FirstYear, country.LastYear)
                : (FirstYear, LastYear);
        }
    }

    public override bool Contains(long localSeconds)
    {
        var year = LocalTimeLine.Year(FloorDay(localSeconds));
        if (year is < FirstYear or > LastYear)
        {
            return false;
        }

        var table = Volatile.Read(ref _years[year - FirstYear]) ?? Build(year);
        for (var i = 0; i < table.Length; i += 2)
        {
            if (localSeconds < table[i])
            {
                return false;
            }

            if (localSeconds < table[i + 1])
            {
                return true;
            }
        }

        return false;
    }

    public override void Collect(long from, long to, List<LocalSpan> sink)
    {
        var firstYear = Math.Max(LocalTimeLine.Year(FloorDay(from)), FirstYear);
        var lastYear = Math.Min(LocalTimeLine.Year(FloorDay(to - 1)), LastYear);
        for (var year = firstYear; year <= lastYear; year++)
        {
            var table = Volatile.Read(ref _years[year - FirstYear]) ?? Build(year);
            for (var i = 0; i < table.Length; i += 2)
            {
                if (table[i + 1] > from && table[i] < to)
                {
                    sink.Add(new LocalSpan(table[i], table[i + 1]));
                }
            }
        }
    }

    private long[] Build(int year)
    {
        var yearStart = LocalTimeLine.Day(new LocalDate(year, 1, 1)) * SecondsPerDay;
        var yearEnd = LocalTimeLine.Day(new LocalDate(year + 1, 1, 1)) * SecondsPerDay;
        var spans = new List<LocalSpan>();
        Span<LocalDate> observed = stackalloc LocalDate[3];

        // A holiday of the year before or after can be observed in this year (New Year's Day 2022, a Saturday,
        // is observed on Friday 2021-12-31), and a range crossing midnight on Dec 31 reaches into Jan 1.
        for (var y = Math.Max(year - 1, FirstYear); y <= Math.Min(year + 1, LastYear); y++)
        {
            for (var h = 0; h < _holidays.Length; h++)
            {
                var selection = _holidays[h];
                if (y < _coverage[h].First || y > _coverage[h].Last || ActualDate(selection, y) is not { } actual)
                {
                    continue;
                }

                var count = _observed.GetObservedDates(actual, observed);
                for (var i = 0; i < count; i++)
                {
                    var start = (LocalTimeLine.Day(observed[i]) * SecondsPerDay) + selection.Time.StartSecond;
                    var end = start + selection.Time.LengthSeconds;
                    if (end > yearStart && start < yearEnd)
                    {
                        spans.Add(new LocalSpan(start, end));
                    }
                }
            }
        }

        LocalTimeLine.Merge(spans);
        var table = new long[spans.Count * 2];
        for (var i = 0; i < spans.Count; i++)
        {
            table[2 * i] = spans[i].Start;
            table[(2 * i) + 1] = spans[i].End;
        }

        return Interlocked.CompareExchange(ref _years[year - FirstYear], table, null) ?? table;
    }

    private LocalDate? ActualDate(HolidaySelection selection, int year)
    {
        if (selection.OnlyInYear is { } only && only != year)
        {
            return null;
        }

        LocalDate? date;
        if (selection.Company is { } company)
        {
            date = company.GetDate(year);
        }
        else
        {
            date = null;
            foreach (var holiday in _calendar.GetHolidays(selection.Country!, selection.Region, year))
            {
                if (string.Equals(holiday.Id, selection.HolidayId, StringComparison.OrdinalIgnoreCase))
                {
                    date = holiday.Date;
                    break;
                }
            }
        }

        return date is { } d && selection.Until is { } until && d > until ? null : date;
    }
}
