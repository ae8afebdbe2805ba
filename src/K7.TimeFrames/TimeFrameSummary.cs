using System.Globalization;
using System.Text;
using NodaTime;

namespace K7.TimeFrames;

/// <summary>The portal's list columns for a time frame: When, Recurrence and Ends On.</summary>
/// <remarks>Dates are written <c>MM/dd/yyyy</c> and times <c>h:mm tt</c>, as the portal shows them; days are
/// abbreviated Sun, Mon, Tue, Wed, Thu, Fri, Sat, Sunday first.</remarks>
/// <param name="When">What the frame covers: "Days of the Week Fri, Sat", "Holidays 1 holiday".</param>
/// <param name="Recurrence">How it repeats: "Every Week", "Does not recur".</param>
/// <param name="EndsOn">When it ends: "Never", "01/01/2026", "After 10 occurrences".</param>
public sealed record TimeFrameSummary(string When, string Recurrence, string EndsOn)
{
    private const string Never = "Never";
    private const string DoesNotRecur = "Does not recur";

    /// <summary>Returns the three columns on one line, separated by " · ".</summary>
    /// <returns>For example "Days of the Week Fri, Sat · Every Week · Never".</returns>
    public override string ToString() => $"{When} · {Recurrence} · {EndsOn}";

    internal static TimeFrameSummary Of(TimeFrame frame, IHolidayCalendar calendar) => Of(frame.Definition, calendar);

    private static TimeFrameSummary Of(TimeFrameDefinition definition, IHolidayCalendar calendar) => definition switch
    {
        AlwaysDefinition => new("Always", "Always", Never),
        DaysOfWeekDefinition days => OfDays(days),
        SpecificDatesDefinition dates => OfDates(dates),
        HolidaysDefinition holidays => OfHolidays(holidays, calendar),
        CustomDefinition custom => OfCustom(custom, calendar),
        _ => throw new ArgumentException($"Unknown definition type {definition.GetType().Name}.", nameof(definition)),
    };

    private static TimeFrameSummary OfDays(DaysOfWeekDefinition days)
    {
        var selected = Weekdays.None;
        foreach (var day in days.Days)
        {
            selected |= day.Day.ToWeekdays();
        }

        var names = new List<string>(7);
        foreach (var day in SundayFirst)
        {
            if (selected.Contains(day))
            {
                names.Add(Abbreviation(day));
            }
        }

        var recurrence = days.Recurrence;
        var every = recurrence.IsMonthly
            ? (recurrence.Interval == 1 ? "Every Month" : $"Every {recurrence.Interval} Months") + $" on the {recurrence.Ordinal}"
            : recurrence.Interval == 1 ? "Every Week" : $"Every {recurrence.Interval} Weeks";
        return new($"Days of the Week {string.Join(", ", names)}", every, Ends(days.End));
    }

    private static TimeFrameSummary OfDates(SpecificDatesDefinition dates)
    {
        var when = dates.Intervals.Length == 1
            ? $"Specific Dates {DateTime(dates.Intervals[0].Start)} – {DateTime(dates.Intervals[0].End)}"
            : $"Specific Dates {dates.Intervals.Length} intervals";

        var recurrences = dates.Intervals.Select(i => i.Recurrence is null ? DoesNotRecur : Describe(i.Recurrence, i.Start.Date)).Distinct().ToList();
        var recurrence = recurrences.Count == 1 ? recurrences[0] : "Mixed";

        string ends;
        if (dates.Intervals.Any(i => i.Recurrence is { End.IsNever: true }))
        {
            ends = Never;
        }
        else if (dates.Intervals.Length == 1 && dates.Intervals[0].Recurrence is { End.Count: { } count })
        {
            ends = Occurrences(count);
        }
        else
        {
            var last = dates.Intervals.Max(i => i.Recurrence?.End.Date ?? i.End.Date);
            ends = Date(last);
        }

        return new(when, recurrence, ends);
    }

    private static TimeFrameSummary OfHolidays(HolidaysDefinition holidays, IHolidayCalendar calendar)
    {
        var count = holidays.Holidays.Length;
        var when = $"Holidays {count} holiday{(count == 1 ? string.Empty : "s")}";
        var yearly = holidays.Holidays.Count(h => h.RecursYearly);
        var recurrence = yearly == count ? "Every Year" : yearly == 0 ? DoesNotRecur : "Mixed";

        string ends;
        if (holidays.Holidays.Any(h => h.RecursYearly && h.Until is null))
        {
            ends = Never;
        }
        else
        {
            LocalDate? last = null;
            foreach (var holiday in holidays.Holidays)
            {
                var date = holiday.OnlyInYear is { } year ? ActualDate(holiday, year, calendar) : holiday.Until;
                if (date is { } d && (last is null || d > last))
                {
                    last = d;
                }
            }

            ends = last is { } l ? Date(l) : Never;
        }

        return new(when, recurrence, ends);
    }

    private static TimeFrameSummary OfCustom(CustomDefinition custom, IHolidayCalendar calendar)
    {
        var parts = custom.Children.Select(c => Of(c, calendar)).ToList();
        var when = new StringBuilder("Custom ");
        when.AppendJoin(" + ", parts.Select(p => p.When));
        var recurrences = parts.Select(p => p.Recurrence).Distinct().ToList();
        string ends;
        if (parts.Any(p => p.EndsOn == Never))
        {
            ends = Never;
        }
        else
        {
            var dates = parts.Select(p => EndPattern.Parse(p.EndsOn)).ToList();
            ends = dates.All(d => d.Success) ? Date(dates.Max(d => d.Value)) : "Mixed";
        }

        return new(when.ToString(), recurrences.Count == 1 ? recurrences[0] : "Mixed", ends);
    }

    private static LocalDate? ActualDate(HolidaySelection holiday, int year, IHolidayCalendar calendar)
    {
        if (holiday.Company is { } company)
        {
            return company.GetDate(year);
        }

        return calendar.TryFindHoliday(holiday.Country!, holiday.Region, holiday.HolidayId!, year, out var found) ? found.Date : null;
    }

    private static string Describe(DateRecurrence recurrence, LocalDate start)
    {
        var n = recurrence.Interval;
        return recurrence.Frequency switch
        {
            DateFrequency.Daily => n == 1 ? "Every Day" : $"Every {n} Days",
            DateFrequency.Weekly => n == 1 ? "Every Week" : $"Every {n} Weeks",
            DateFrequency.MonthlyByDayOfMonth => (n == 1 ? "Every Month" : $"Every {n} Months") + $" on Day {start.Day}",
            DateFrequency.MonthlyByWeekday => (n == 1 ? "Every Month" : $"Every {n} Months") + $" on the {OrdinalOf(start)} {start.DayOfWeek}",
            _ => n == 1 ? "Every Year" : $"Every {n} Years",
        };
    }

    private static string OrdinalOf(LocalDate date)
    {
        var (n, _) = DateMath.WeekdayPosition(date);
        return n == 5 ? "Last" : ((WeekdayOrdinal)n).ToString();
    }

    private static string Ends(RecurrenceEnd end) =>
        end.Date is { } date ? Date(date) : end.Count is { } count ? Occurrences(count) : Never;

    private static string Occurrences(int count) => count == 1 ? "After 1 occurrence" : $"After {count} occurrences";

    private static readonly NodaTime.Text.LocalDatePattern EndPattern = NodaTime.Text.LocalDatePattern.CreateWithInvariantCulture("MM'/'dd'/'uuuu");

    private static string Date(LocalDate date) => EndPattern.Format(date);

    private static string DateTime(LocalDateTime value) =>
        value.ToString("MM/dd/yyyy h:mm tt", CultureInfo.InvariantCulture);

    private static readonly IsoDayOfWeek[] SundayFirst =
    [
        IsoDayOfWeek.Sunday, IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday,
        IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday,
    ];

    private static string Abbreviation(IsoDayOfWeek day) => day switch
    {
        IsoDayOfWeek.Monday => "Mon",
        IsoDayOfWeek.Tuesday => "Tue",
        IsoDayOfWeek.Wednesday => "Wed",
        IsoDayOfWeek.Thursday => "Thu",
        IsoDayOfWeek.Friday => "Fri",
        IsoDayOfWeek.Saturday => "Sat",
        _ => "Sun",
    };
}
