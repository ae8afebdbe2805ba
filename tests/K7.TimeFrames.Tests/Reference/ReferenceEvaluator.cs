using NodaTime;

namespace K7.TimeFrames.Tests.Reference;

/// <summary>
/// A deliberately plain evaluator written from docs/timeframes.md ("What active means"), sharing no code with the
/// compiled evaluator: it walks occurrences one by one from the start of each recurrence and compares local date-times.
/// Slow, and meant to be obviously right; the property tests compare the compiled frames with it.
/// </summary>
public static class ReferenceEvaluator
{
    /// <summary>Tells whether <paramref name="frame"/> is active at <paramref name="instant"/>.</summary>
    /// <param name="frame">The frame.</param>
    /// <param name="instant">The instant.</param>
    /// <param name="calendar">Where calendar holidays come from.</param>
    /// <returns><see langword="true"/> when the wall clock of the frame's zone at the instant lies in one of its local intervals.</returns>
    public static bool IsActive(TimeFrame frame, Instant instant, IHolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var local = instant.InZone(frame.Zone).LocalDateTime;
        return Contains(frame.Definition, local, calendar);
    }

    /// <summary>Tells whether a definition contains a wall-clock date and time.</summary>
    /// <param name="definition">The definition.</param>
    /// <param name="local">The local date and time.</param>
    /// <param name="calendar">Where calendar holidays come from.</param>
    /// <returns><see langword="true"/> when <paramref name="local"/> lies in one of the definition's local intervals.</returns>
    public static bool Contains(TimeFrameDefinition definition, LocalDateTime local, IHolidayCalendar calendar) => definition switch
    {
        AlwaysDefinition => true,
        DaysOfWeekDefinition days => DaysContain(days, local),
        SpecificDatesDefinition dates => DatesContain(dates, local),
        HolidaysDefinition holidays => HolidaysContain(holidays, local, calendar),
        CustomDefinition custom => custom.Children.Any(child => Contains(child, local, calendar)),
        _ => throw new ArgumentException($"Unknown definition {definition.GetType().Name}.", nameof(definition)),
    };

    // ---- Days of the week -------------------------------------------------------------------------------------

    private static bool DaysContain(DaysOfWeekDefinition definition, LocalDateTime local)
    {
        // A range belongs to the day it starts on, and lasts at most 24 hours: only today's and yesterday's ranges can reach now.
        foreach (var day in new[] { local.Date, local.Date.PlusDays(-1) })
        {
            var schedule = definition.Days.FirstOrDefault(s => s.Day == day.DayOfWeek);
            if (schedule is null || !IsOccurrenceDay(definition, day))
            {
                continue;
            }

            foreach (var range in schedule.Ranges)
            {
                if (InRange(day, range, local))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsOccurrenceDay(DaysOfWeekDefinition definition, LocalDate day)
    {
        if (!MatchesRecurrence(definition, day))
        {
            return false;
        }

        if (definition.End.Date is { } endDate && day > endDate)
        {
            return false;
        }

        if (definition.End.Count is { } count)
        {
            // Count the occurrence days from the start date up to this one.
            var seen = 0;
            for (var d = definition.StartDate!.Value; d <= day; d = d.PlusDays(1))
            {
                if (MatchesRecurrence(definition, d))
                {
                    seen++;
                    if (seen > count)
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="day"/> is selected and falls in a repetition, ignoring the end.</summary>
    private static bool MatchesRecurrence(DaysOfWeekDefinition definition, LocalDate day)
    {
        if (!definition.Days.Any(s => s.Day == day.DayOfWeek))
        {
            return false;
        }

        var start = definition.StartDate;
        if (start is { } s && day < s)
        {
            return false;
        }

        var recurrence = definition.Recurrence;
        var interval = start is null ? 1 : recurrence.Interval;
        if (recurrence.Ordinal is not { } ordinal)
        {
            if (start is null)
            {
                return true;
            }

            var weeks = DaysBetween(MondayOf(start.Value), MondayOf(day)) / 7;
            return weeks % interval == 0;
        }

        if (start is { } first)
        {
            var months = ((day.Year - first.Year) * 12) + day.Month - first.Month;
            if (months % interval != 0)
            {
                return false;
            }
        }

        var sameWeekday = SameWeekdayInMonth(day.Year, day.Month, day.DayOfWeek);
        var index = sameWeekday.IndexOf(day);
        return ordinal == WeekdayOrdinal.Last ? index == sameWeekday.Count - 1 : index == (int)ordinal - 1;
    }

    private static LocalDate MondayOf(LocalDate date)
    {
        var d = date;
        while (d.DayOfWeek != IsoDayOfWeek.Monday)
        {
            d = d.PlusDays(-1);
        }

        return d;
    }

    private static int DaysBetween(LocalDate from, LocalDate to) => Period.Between(from, to, PeriodUnits.Days).Days;

    /// <summary>Every date of the month that falls on <paramref name="weekday"/>, in order.</summary>
    private static List<LocalDate> SameWeekdayInMonth(int year, int month, IsoDayOfWeek weekday)
    {
        var result = new List<LocalDate>();
        for (var d = 1; d <= CalendarSystem.Iso.GetDaysInMonth(year, month); d++)
        {
            var date = new LocalDate(year, month, d);
            if (date.DayOfWeek == weekday)
            {
                result.Add(date);
            }
        }

        return result;
    }

    /// <summary>Whether <paramref name="local"/> lies in <paramref name="range"/> applied on <paramref name="day"/>.</summary>
    private static bool InRange(LocalDate day, TimeRange range, LocalDateTime local)
    {
        var start = day + range.Start;
        var end = range.End <= range.Start ? day.PlusDays(1) + range.End : day + range.End;
        return local >= start && local < end;
    }

    // ---- Specific dates ---------------------------------------------------------------------------------------

    private static bool DatesContain(SpecificDatesDefinition definition, LocalDateTime local)
    {
        foreach (var interval in definition.Intervals)
        {
            if (interval.Recurrence is null)
            {
                if (local >= interval.Start && local < interval.End)
                {
                    return true;
                }

                continue;
            }

            if (RecurringContains(interval, interval.Recurrence, local))
            {
                return true;
            }
        }

        return false;
    }

    private static bool RecurringContains(SpecificDateInterval interval, DateRecurrence recurrence, LocalDateTime local)
    {
        var lengthSeconds = Period.Between(interval.Start, interval.End, PeriodUnits.Seconds).Seconds;
        var ordinal = OrdinalOf(interval.Start.Date);
        var found = 0;
        for (var k = 0; ; k++)
        {
            var (date, periodYear) = OccurrenceDate(interval.Start.Date, recurrence, ordinal, k);
            if (periodYear > local.Year + 1 || periodYear > 9000)
            {
                return false;
            }

            if (date is not { } day)
            {
                continue;
            }

            if (recurrence.End.Date is { } lastStart && day > lastStart)
            {
                return false;
            }

            found++;
            if (recurrence.End.Count is { } count && found > count)
            {
                return false;
            }

            var start = day + interval.Start.TimeOfDay;
            if (start > local)
            {
                return false;
            }

            if (local < start.PlusSeconds(lengthSeconds))
            {
                return true;
            }
        }
    }

    /// <summary>1 to 4 for the first to fourth of its weekday in the month, -1 (last) for a fifth.</summary>
    private static int OrdinalOf(LocalDate date)
    {
        var index = SameWeekdayInMonth(date.Year, date.Month, date.DayOfWeek).IndexOf(date);
        return index == 4 ? -1 : index + 1;
    }

    /// <summary>The start date of occurrence <paramref name="k"/> (null when its period has no such date) and the year of its period.</summary>
    private static (LocalDate? Date, int PeriodYear) OccurrenceDate(LocalDate first, DateRecurrence recurrence, int ordinal, int k)
    {
        var n = recurrence.Interval;
        switch (recurrence.Frequency)
        {
            case DateFrequency.Daily:
                {
                    var date = first.PlusDays(k * n);
                    return (date, date.Year);
                }

            case DateFrequency.Weekly:
                {
                    var date = first.PlusDays(7 * k * n);
                    return (date, date.Year);
                }

            case DateFrequency.Yearly:
                {
                    var year = first.Year + (k * n);
                    return (TryDate(year, first.Month, first.Day), year);
                }

            default:
                {
                    var monthIndex = (first.Year * 12) + (first.Month - 1) + (k * n);
                    var year = monthIndex / 12;
                    var month = (monthIndex % 12) + 1;
                    if (recurrence.Frequency == DateFrequency.MonthlyByDayOfMonth)
                    {
                        return (TryDate(year, month, first.Day), year);
                    }

                    var candidates = SameWeekdayInMonth(year, month, first.DayOfWeek);
                    LocalDate? date = ordinal == -1 ? candidates[^1] : ordinal <= candidates.Count ? candidates[ordinal - 1] : null;
                    return (date, year);
                }
        }
    }

    private static LocalDate? TryDate(int year, int month, int day) =>
        day <= CalendarSystem.Iso.GetDaysInMonth(year, month) ? new LocalDate(year, month, day) : null;

    // ---- Holidays ---------------------------------------------------------------------------------------------

    private static bool HolidaysContain(HolidaysDefinition definition, LocalDateTime local, IHolidayCalendar calendar)
    {
        // An observed day is at most a week from the actual date, and a time range lasts at most a day.
        for (var year = local.Year - 1; year <= local.Year + 1; year++)
        {
            foreach (var selection in definition.Holidays)
            {
                if (selection.OnlyInYear is { } only && only != year)
                {
                    continue;
                }

                var actual = selection.Company is { } company ? company.GetDate(year) : LookUp(calendar, selection, year);
                if (actual is not { } date || (selection.Until is { } until && date > until))
                {
                    continue;
                }

                foreach (var day in definition.Observed.GetObservedDates(date))
                {
                    if (InRange(day, selection.Time, local))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static LocalDate? LookUp(IHolidayCalendar calendar, HolidaySelection selection, int year)
    {
        if (!calendar.TryGetCountry(selection.Country!, out var country) || year < country.FirstYear || year > country.LastYear)
        {
            return null;
        }

        foreach (var holiday in calendar.GetHolidays(selection.Country!, selection.Region, year))
        {
            if (string.Equals(holiday.Id, selection.HolidayId, StringComparison.OrdinalIgnoreCase))
            {
                return holiday.Date;
            }
        }

        return null;
    }
}
