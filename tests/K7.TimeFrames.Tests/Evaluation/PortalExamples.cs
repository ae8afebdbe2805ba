using NodaTime;

namespace K7.TimeFrames.Tests.Evaluation;

/// <summary>
/// The frames of samples/K7.TimeFrames.Sample/PortalExamples.cs (one per case of the portal guide's chapter 7), copied
/// because the test project does not reference the sample. <see cref="PortalExamplesTests"/> checks that the two agree.
/// </summary>
internal static class PortalExamples
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    public static TimeFrame EarlyRelease() => new(
        "Early Release",
        TimeFrameOwner.User("202"),
        NewYork,
        new DaysOfWeekDefinition(
            new DaySchedule(IsoDayOfWeek.Friday, new TimeRange(new LocalTime(13, 0), new LocalTime(17, 0))),
            new DaySchedule(IsoDayOfWeek.Saturday, new TimeRange(new LocalTime(8, 0), new LocalTime(12, 0)))));

    public static TimeFrame OutOfOffice() => new(
        "Out of Office",
        TimeFrameOwner.Domain,
        NewYork,
        new HolidaysDefinition(HolidaySelection.FromCalendar("US", "new-year") with { OnlyInYear = 2026 }));

    public static TimeFrame AllTheTime() => new("All the time", TimeFrameOwner.User("202"), NewYork, AlwaysDefinition.Instance);

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

    public static TimeFrame WinterClosure() => new(
        "Winter closure",
        TimeFrameOwner.Domain,
        NewYork,
        new SpecificDatesDefinition(
            new SpecificDateInterval(
                new LocalDateTime(2025, 12, 23, 17, 0),
                new LocalDateTime(2026, 1, 4, 8, 0),
                new DateRecurrence(DateFrequency.Yearly))));

    public static TimeFrame Inventory() => new(
        "Inventory days",
        TimeFrameOwner.User("202"),
        NewYork,
        new SpecificDatesDefinition(
            new SpecificDateInterval(new LocalDateTime(2025, 3, 31, 12, 0), new LocalDateTime(2025, 3, 31, 18, 0), new DateRecurrence(DateFrequency.Yearly)),
            new SpecificDateInterval(new LocalDateTime(2025, 9, 30, 12, 0), new LocalDateTime(2025, 9, 30, 18, 0))));

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

    public static TimeFrame CustomFrame() => new(
        "Custom",
        TimeFrameOwner.User("202"),
        NewYork,
        new CustomDefinition(
            new DaysOfWeekDefinition([.. new DaySchedule(IsoDayOfWeek.Monday, TimeRange.BusinessHours).CopyTo(Weekdays.All)]),
            new HolidaysDefinition(
                HolidaySelection.FromCalendar("US", "juneteenth"),
                HolidaySelection.FromCalendar("US", "independence-day"))));

    /// <summary>The names of every example, as in the sample.</summary>
    public static readonly string[] AllNames =
    [
        nameof(EarlyRelease), nameof(OutOfOffice), nameof(AllTheTime), nameof(OfficeHours), nameof(FirstMondayStaffMeeting),
        nameof(NightShift), nameof(WinterClosure), nameof(Inventory), nameof(CompanyHolidays), nameof(CustomFrame),
    ];

    /// <summary>Every example's name, for theories.</summary>
    public static TheoryData<string> Names() => [.. AllNames];

    public static TimeFrame ByName(string name) => name switch
    {
        nameof(EarlyRelease) => EarlyRelease(),
        nameof(OutOfOffice) => OutOfOffice(),
        nameof(AllTheTime) => AllTheTime(),
        nameof(OfficeHours) => OfficeHours(),
        nameof(FirstMondayStaffMeeting) => FirstMondayStaffMeeting(),
        nameof(NightShift) => NightShift(),
        nameof(WinterClosure) => WinterClosure(),
        nameof(Inventory) => Inventory(),
        nameof(CompanyHolidays) => CompanyHolidays(),
        nameof(CustomFrame) => CustomFrame(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such example."),
    };
}
