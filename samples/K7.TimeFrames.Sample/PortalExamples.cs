using NodaTime;

namespace K7.TimeFrames.Sample;

/// <summary>One time frame for each case of the portal guide's chapter 7. docs/timeframes.md quotes these.</summary>
public static class PortalExamples
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    /// <summary>Every example, by the name of its method, in the guide's order.</summary>
    public static IReadOnlyList<(string Name, Func<TimeFrame> Create)> All { get; } =
    [
        (nameof(EarlyRelease), EarlyRelease), (nameof(OutOfOffice), OutOfOffice), (nameof(AllTheTime), AllTheTime),
        (nameof(OfficeHours), OfficeHours), (nameof(FirstMondayStaffMeeting), FirstMondayStaffMeeting),
        (nameof(NightShift), NightShift), (nameof(WinterClosure), WinterClosure), (nameof(Inventory), Inventory),
        (nameof(CompanyHolidays), CompanyHolidays), (nameof(CustomFrame), CustomFrame),
    ];

    // 7 — "Early Release", owned by 202: Days of the Week Fri, Sat · Every Week · Never.
    public static TimeFrame EarlyRelease() => new(
        "Early Release",
        TimeFrameOwner.User("202"),
        NewYork,
        new DaysOfWeekDefinition(
            new DaySchedule(IsoDayOfWeek.Friday, new TimeRange(new LocalTime(13, 0), new LocalTime(17, 0))),
            new DaySchedule(IsoDayOfWeek.Saturday, new TimeRange(new LocalTime(8, 0), new LocalTime(12, 0)))));

    // 7 — "Out of Office", owned by the domain: Holidays 1 holiday · Does not recur · 01/01/2026.
    public static TimeFrame OutOfOffice() => new(
        "Out of Office",
        TimeFrameOwner.Domain,
        NewYork,
        new HolidaysDefinition(HolidaySelection.FromCalendar("US", "new-year") with { OnlyInYear = 2026 }));

    // 7.1 — Always.
    public static TimeFrame AllTheTime() => new("All the time", TimeFrameOwner.User("202"), NewYork, AlwaysDefinition.Instance);

    // 7.1.1 — Days of the week: business hours Monday to Friday ("Copy to all"), and Sunday 08:00–15:00 plus 17:00–18:00.
    public static TimeFrame OfficeHours() => new(
        "Office hours",
        TimeFrameOwner.User("202"),
        NewYork,
        new DaysOfWeekDefinition(
        [
            .. new DaySchedule(IsoDayOfWeek.Monday, TimeRange.BusinessHours).CopyTo(Weekdays.MondayToFriday),
            new DaySchedule(
                IsoDayOfWeek.Sunday,
                new TimeRange(new LocalTime(8, 0), new LocalTime(15, 0)),
                new TimeRange(new LocalTime(17, 0), new LocalTime(18, 0))),
        ]));

    // 7.1.1 — Custom recurrence: the first Monday of every month, 09:00–10:00, from January 2025, ten times.
    public static TimeFrame FirstMondayStaffMeeting() => new(
        "Staff meeting",
        TimeFrameOwner.User("202"),
        NewYork,
        new DaysOfWeekDefinition(new DaySchedule(IsoDayOfWeek.Monday, new TimeRange(new LocalTime(9, 0), new LocalTime(10, 0))))
        {
            Recurrence = DaysOfWeekRecurrence.Monthly(WeekdayOrdinal.First),
            StartDate = new LocalDate(2025, 1, 1),
            End = RecurrenceEnd.After(10),
        });

    // 7.1.1 — Every other week, a night shift that crosses midnight (Friday 22:00 to Saturday 06:00).
    public static TimeFrame NightShift() => new(
        "Night shift",
        TimeFrameOwner.User("202"),
        NewYork,
        new DaysOfWeekDefinition(new DaySchedule(IsoDayOfWeek.Friday, new TimeRange(new LocalTime(22, 0), new LocalTime(6, 0))))
        {
            Recurrence = DaysOfWeekRecurrence.Weekly(2),
            StartDate = new LocalDate(2025, 1, 3),
            End = RecurrenceEnd.On(new LocalDate(2025, 12, 31)),
        });

    // 7.1.2 — Specific dates: December 23rd at 5:00pm to January 4th at 8:00am, every year.
    public static TimeFrame WinterClosure() => new(
        "Winter closure",
        TimeFrameOwner.Domain,
        NewYork,
        new SpecificDatesDefinition(
            new SpecificDateInterval(
                new LocalDateTime(2025, 12, 23, 17, 0),
                new LocalDateTime(2026, 1, 4, 8, 0),
                new DateRecurrence(DateFrequency.Yearly))));

    // 7.1.2 — Several intervals: recurrence is limited to "every year" (or none) for each.
    public static TimeFrame Inventory() => new(
        "Inventory days",
        TimeFrameOwner.User("202"),
        NewYork,
        new SpecificDatesDefinition(
            new SpecificDateInterval(new LocalDateTime(2025, 3, 31, 12, 0), new LocalDateTime(2025, 3, 31, 18, 0), new DateRecurrence(DateFrequency.Yearly)),
            new SpecificDateInterval(new LocalDateTime(2025, 9, 30, 12, 0), new LocalDateTime(2025, 9, 30, 18, 0))));

    // 7.1.3 — Holidays with observed-holiday rules: Saturday holidays observed the Friday before, Sunday ones the
    // Monday after (the default, US-style rules), plus a company holiday the calendar does not have.
    public static TimeFrame CompanyHolidays() => new(
        "Company holidays",
        TimeFrameOwner.Domain,
        NewYork,
        new HolidaysDefinition(
            HolidaySelection.FromCalendar("US", "new-year"),
            HolidaySelection.FromCalendar("US", "independence-day"),
            HolidaySelection.FromCalendar("US", "thanksgiving"),
            HolidaySelection.FromCompany(new CompanyHoliday("christmas-eve", "Christmas Eve", new FixedDateHolidayRule(12, 24))),
            HolidaySelection.FromCalendar("US", "christmas") with { Time = new TimeRange(new LocalTime(12, 0), LocalTime.Midnight) })
        {
            Observed = ObservedHolidayRules.UnitedStates,
        });

    // 7.1.4 — Custom: every day of the week plus Juneteenth and Independence Day, as in the guide's screenshot.
    public static TimeFrame CustomFrame() => new(
        "Custom",
        TimeFrameOwner.User("202"),
        NewYork,
        new CustomDefinition(
            new DaysOfWeekDefinition([.. new DaySchedule(IsoDayOfWeek.Monday, TimeRange.BusinessHours).CopyTo(Weekdays.All)]),
            new HolidaysDefinition(
                HolidaySelection.FromCalendar("US", "juneteenth"),
                HolidaySelection.FromCalendar("US", "independence-day"))));
}
