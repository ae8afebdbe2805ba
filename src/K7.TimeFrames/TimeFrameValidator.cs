using System.Collections.Immutable;
using NodaTime;

namespace K7.TimeFrames;

/// <summary>Checks time frames; every failure names the field and the reason.</summary>
internal static class TimeFrameValidator
{
    public const int MaxInterval = 99;
    public const int MaxOccurrences = 1000;
    public const int MinYear = 1900;
    public const int MaxYear = 2200;

    /// <summary>Years searched to decide whether a recurring calendar holiday id exists at all.</summary>
    public const int KnownHolidayFromYear = 2000;

    /// <summary>The last year searched to decide whether a recurring calendar holiday id exists.</summary>
    public const int KnownHolidayToYear = 2060;

    public static void ValidateName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            Fail("Name", "A name is required.");
        }

        if (name.Length > TimeFrame.MaxNameLength)
        {
            Fail("Name", $"A name is at most {TimeFrame.MaxNameLength} characters; this one has {name.Length}.");
        }

        if (name.Trim().Length != name.Length)
        {
            Fail("Name", "A name may not start or end with white space.");
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsControl(c))
            {
                Fail("Name", "A name may not contain control characters.");
            }

            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 >= name.Length || !char.IsLowSurrogate(name[i + 1]))
                {
                    Fail("Name", $"A name may not contain an unpaired surrogate (at position {i}).");
                }

                i++;
            }
        }
    }

    public static void Validate(TimeFrameDefinition definition, string path, IHolidayCalendar? calendar)
    {
        switch (definition)
        {
            case AlwaysDefinition:
                break;
            case DaysOfWeekDefinition days:
                ValidateDays(days, path);
                break;
            case SpecificDatesDefinition dates:
                ValidateDates(dates, path);
                break;
            case HolidaysDefinition holidays:
                ValidateHolidays(holidays, path, calendar);
                break;
            case CustomDefinition custom:
                ValidateCustom(custom, path, calendar);
                break;
            default:
                Fail(path, $"Unknown definition type {definition.GetType().Name}.");
                break;
        }
    }

    private static void ValidateCustom(CustomDefinition custom, string path, IHolidayCalendar? calendar)
    {
        if (custom.Children.IsEmpty)
        {
            Fail($"{path}.Children", "A custom time frame needs at least one child (days of the week, specific dates or holidays).");
        }

        for (var i = 0; i < custom.Children.Length; i++)
        {
            var child = custom.Children[i];
            var childPath = $"{path}.Children[{i}]";
            if (child is null)
            {
                Fail(childPath, "A child is required.");
            }

            if (child is AlwaysDefinition or CustomDefinition)
            {
                Fail(childPath, $"A custom time frame may hold days of the week, specific dates or holidays, not {child.Kind}.");
            }

            Validate(child, childPath, calendar);
        }
    }

    private static void ValidateDays(DaysOfWeekDefinition days, string path)
    {
        if (days.Days.IsEmpty)
        {
            Fail($"{path}.Days", "Select at least one day of the week.");
        }

        var seen = Weekdays.None;
        for (var i = 0; i < days.Days.Length; i++)
        {
            var day = days.Days[i];
            var dayPath = $"{path}.Days[{i}]";
            if (day is null)
            {
                Fail(dayPath, "A day is required.");
            }

            if (day.Day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
            {
                Fail($"{dayPath}.Day", $"'{day.Day}' is not a day of the week.");
            }

            var flag = day.Day.ToWeekdays();
            if ((seen & flag) != 0)
            {
                Fail($"{dayPath}.Day", $"{day.Day} is listed twice; put all its ranges in one entry.");
            }

            seen |= flag;
            ValidateRanges(day.Ranges, $"{dayPath}.Ranges", day.Day.ToString());
        }

        var recurrence = days.Recurrence;
        if (recurrence is null)
        {
            Fail($"{path}.Recurrence", "A recurrence is required.");
        }

        ValidateInterval(recurrence.Interval, $"{path}.Recurrence.Interval");
        if (recurrence.Ordinal is { } ordinal && !Enum.IsDefined(ordinal))
        {
            Fail($"{path}.Recurrence.Ordinal", $"'{ordinal}' is not an ordinal (First to Fifth, or Last).");
        }

        if (days.StartDate is { } startDate)
        {
            ValidateYear(startDate, $"{path}.StartDate");
        }

        if (days.StartDate is null && (recurrence.Interval > 1 || days.End.Count is not null))
        {
            Fail($"{path}.StartDate", "A start date is required to count weeks, months or occurrences from.");
        }

        ValidateEnd(days.End, days.StartDate, $"{path}.End");
    }

    private static void ValidateRanges(ImmutableArray<TimeRange> ranges, string path, string day)
    {
        if (ranges.IsEmpty)
        {
            Fail(path, $"{day} needs at least one time range.");
        }

        for (var i = 0; i < ranges.Length; i++)
        {
            if (!ranges[i].IsWholeSeconds)
            {
                Fail($"{path}[{i}]", "Times are whole seconds.");
            }

            for (var j = 0; j < i; j++)
            {
                if (Overlaps(ranges[i], ranges[j]))
                {
                    Fail($"{path}[{i}]", $"{ranges[i]} overlaps {ranges[j]} on {day}; ranges on one day must not overlap.");
                }
            }
        }
    }

    private static bool Overlaps(TimeRange a, TimeRange b)
    {
        long aStart = a.StartSecond, aEnd = aStart + a.LengthSeconds;
        long bStart = b.StartSecond, bEnd = bStart + b.LengthSeconds;
        return aStart < bEnd && bStart < aEnd;
    }

    private static void ValidateInterval(int interval, string path)
    {
        if (interval is < 1 or > MaxInterval)
        {
            Fail(path, $"The interval is between 1 and {MaxInterval}; it is {interval}.");
        }
    }

    private static void ValidateEnd(RecurrenceEnd end, LocalDate? start, string path)
    {
        if (end.Date is not null && end.Count is not null)
        {
            Fail(path, "A recurrence ends on a date or after a number of occurrences, not both.");
        }

        if (end.Count is { } count && count is < 1 or > MaxOccurrences)
        {
            Fail($"{path}.Count", $"The number of occurrences is between 1 and {MaxOccurrences}; it is {count}.");
        }

        if (end.Date is { } endDate)
        {
            ValidateYear(endDate, $"{path}.Date");
        }

        if (end.Date is { } date && start is { } s && date < s)
        {
            Fail($"{path}.Date", $"The end date {date:uuuu-MM-dd} is before the start date {s:uuuu-MM-dd}.");
        }
    }

    private static void ValidateDates(SpecificDatesDefinition dates, string path)
    {
        if (dates.Intervals.IsEmpty)
        {
            Fail($"{path}.Intervals", "Add at least one date and time interval.");
        }

        var several = dates.Intervals.Length > 1;
        for (var i = 0; i < dates.Intervals.Length; i++)
        {
            var interval = dates.Intervals[i];
            var itemPath = $"{path}.Intervals[{i}]";
            if (interval is null)
            {
                Fail(itemPath, "An interval is required.");
            }

            if (interval.Start.NanosecondOfSecond != 0 || interval.End.NanosecondOfSecond != 0)
            {
                Fail(itemPath, "Times are whole seconds.");
            }

            if (interval.Start.Year is < MinYear or > MaxYear || interval.End.Year is < MinYear or > MaxYear)
            {
                Fail($"{itemPath}.Start", $"Dates are between the years {MinYear} and {MaxYear}.");
            }

            if (interval.End <= interval.Start)
            {
                Fail($"{itemPath}.End", $"The end {interval.End:uuuu-MM-dd HH:mm} is not after the start {interval.Start:uuuu-MM-dd HH:mm}.");
            }

            if (interval.Recurrence is { } recurrence)
            {
                var recurrencePath = $"{itemPath}.Recurrence";
                if (!Enum.IsDefined(recurrence.Frequency))
                {
                    Fail($"{recurrencePath}.Frequency", $"'{recurrence.Frequency}' is not a frequency.");
                }

                ValidateInterval(recurrence.Interval, $"{recurrencePath}.Interval");
                ValidateEnd(recurrence.End, interval.Start.Date, $"{recurrencePath}.End");
                if (several && (recurrence.Frequency != DateFrequency.Yearly || recurrence.Interval != 1 || recurrence.End.Count is not null))
                {
                    Fail(recurrencePath, "With several intervals an interval either does not recur or recurs every year (ending never or on a date).");
                }

                var lengthSeconds = Period.Between(interval.Start, interval.End, PeriodUnits.Seconds).Seconds;
                var maxSeconds = MinPeriodDays(recurrence) * 86_400L;
                if (lengthSeconds > maxSeconds)
                {
                    Fail($"{itemPath}.End", $"An interval that recurs {Describe(recurrence)} may last at most {MinPeriodDays(recurrence)} days, so that it ends before it starts again.");
                }
            }

            for (var j = 0; j < i; j++)
            {
                var other = dates.Intervals[j];
                if (other is not null && interval.Start < other.End && other.Start < interval.End)
                {
                    Fail(itemPath, $"This interval overlaps interval {j}; intervals must not overlap.");
                }
            }
        }
    }

    internal static long MinPeriodDays(DateRecurrence recurrence) => recurrence.Frequency switch
    {
        DateFrequency.Daily => recurrence.Interval,
        DateFrequency.Weekly => 7L * recurrence.Interval,
        DateFrequency.MonthlyByDayOfMonth or DateFrequency.MonthlyByWeekday => 28L * recurrence.Interval,
        _ => 365L * recurrence.Interval,
    };

    private static string Describe(DateRecurrence recurrence)
    {
        var unit = recurrence.Frequency switch
        {
            DateFrequency.Daily => "day",
            DateFrequency.Weekly => "week",
            DateFrequency.Yearly => "year",
            _ => "month",
        };
        return recurrence.Interval == 1 ? $"every {unit}" : $"every {recurrence.Interval} {unit}s";
    }

    private static void ValidateHolidays(HolidaysDefinition holidays, string path, IHolidayCalendar? calendar)
    {
        if (holidays.Holidays.IsEmpty)
        {
            Fail($"{path}.Holidays", "Pick at least one holiday.");
        }

        for (var i = 0; i < holidays.Holidays.Length; i++)
        {
            var holiday = holidays.Holidays[i];
            var itemPath = $"{path}.Holidays[{i}]";
            if (holiday is null)
            {
                Fail(itemPath, "A holiday is required.");
            }

            ValidateHoliday(holiday, itemPath, calendar);
            for (var j = 0; j < i; j++)
            {
                var other = holidays.Holidays[j];
                if (other is not null && SameHoliday(holiday, other))
                {
                    Fail(itemPath, $"This holiday is already picked at position {j}.");
                }
            }
        }

        var observed = holidays.Observed;
        if (observed is null)
        {
            Fail($"{path}.Observed", "Observed-holiday rules are required.");
        }

        try
        {
            observed.Validate();
        }
        catch (ArgumentException e)
        {
            var field = string.IsNullOrEmpty(e.ParamName) ? $"{path}.Observed" : $"{path}.Observed.{e.ParamName}";
            throw new TimeFrameValidationException(field, Reason(e), e);
        }
    }

    private static bool SameHoliday(HolidaySelection a, HolidaySelection b) =>
        a.Company is null && b.Company is null
            ? string.Equals(a.Country, b.Country, StringComparison.OrdinalIgnoreCase)
              && string.Equals(a.Region, b.Region, StringComparison.OrdinalIgnoreCase)
              && string.Equals(a.HolidayId, b.HolidayId, StringComparison.OrdinalIgnoreCase)
              && a.OnlyInYear == b.OnlyInYear
            : a.Company is not null && b.Company is not null && a.Company.Id == b.Company.Id && a.OnlyInYear == b.OnlyInYear;

    private static void ValidateHoliday(HolidaySelection holiday, string path, IHolidayCalendar? calendar)
    {
        var fromCalendar = holiday.Country is not null || holiday.HolidayId is not null || holiday.Region is not null;
        if (fromCalendar && holiday.Company is not null)
        {
            Fail(path, "A holiday comes from the calendar (country and holiday) or is company-defined, not both.");
        }

        if (!fromCalendar && holiday.Company is null)
        {
            Fail(path, "Pick a holiday from the calendar (country and holiday) or define a company holiday.");
        }

        if (!holiday.Time.IsWholeSeconds)
        {
            Fail($"{path}.Time", "Times are whole seconds.");
        }

        if (holiday.OnlyInYear is { } year && year is < MinYear or > MaxYear)
        {
            Fail($"{path}.OnlyInYear", $"The year is between {MinYear} and {MaxYear}; it is {year}.");
        }

        if (holiday.Until is { } until)
        {
            ValidateYear(until, $"{path}.Until");
        }

        if (holiday.OnlyInYear is not null && holiday.Until is not null)
        {
            Fail($"{path}.Until", "A holiday that does not recur has no end date.");
        }

        if (holiday.Company is { } company)
        {
            if (string.IsNullOrWhiteSpace(company.Id))
            {
                Fail($"{path}.Company.Id", "A company holiday needs an id.");
            }

            if (string.IsNullOrWhiteSpace(company.Name))
            {
                Fail($"{path}.Company.Name", "A company holiday needs a name.");
            }

            if (company.Rule is null)
            {
                Fail($"{path}.Company.Rule", "A company holiday needs a rule.");
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(holiday.Country))
        {
            Fail($"{path}.Country", "A country is required.");
        }

        if (string.IsNullOrWhiteSpace(holiday.HolidayId))
        {
            Fail($"{path}.HolidayId", "A holiday is required.");
        }

        if (calendar is null)
        {
            return;
        }

        if (!calendar.TryGetCountry(holiday.Country, out var country))
        {
            Fail($"{path}.Country", $"The holiday calendar has no country '{holiday.Country}'.");
        }

        if (holiday.Region is not null && !country.TryGetRegion(holiday.Region, out _))
        {
            Fail($"{path}.Region", $"The holiday calendar has no region '{holiday.Region}' in {country.Name}.");
        }

        var from = holiday.OnlyInYear ?? KnownHolidayFromYear;
        var to = holiday.OnlyInYear ?? Math.Max(KnownHolidayToYear, holiday.Until?.Year ?? 0);
        if (!calendar.IsKnownHoliday(holiday.Country, holiday.Region, holiday.HolidayId, from, to))
        {
            var when = holiday.OnlyInYear is { } y ? $"in {y}" : $"between {from} and {to}";
            Fail($"{path}.HolidayId", $"{country.Name} has no holiday '{holiday.HolidayId}' {when}.");
        }
    }

    private static void ValidateYear(LocalDate date, string path)
    {
        if (date.Year is < MinYear or > MaxYear)
        {
            Fail(path, $"Dates are between the years {MinYear} and {MaxYear}; this one is in {date.Year}.");
        }
    }

    private static string Reason(ArgumentException e)
    {
        var message = e.Message;
        var suffix = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return suffix >= 0 ? message[..suffix] : message;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Fail(string field, string reason) => throw new TimeFrameValidationException(field, reason, null);
}
