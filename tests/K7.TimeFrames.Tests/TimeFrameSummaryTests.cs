using K7.TimeFrames.Sample;
using K7.TimeFrames.Tests.Evaluation;
using NodaTime;

namespace K7.TimeFrames.Tests;

/// <summary>The portal's one-line summaries (When · Recurrence · Ends On) of the guide's examples.</summary>
public sealed class TimeFrameSummaryTests
{
    [Theory]
    [InlineData(nameof(PortalExamples.EarlyRelease), "Days of the Week Fri, Sat · Every Week · Never")]
    [InlineData(nameof(PortalExamples.OutOfOffice), "Holidays 1 holiday · Does not recur · 01/01/2026")]
    [InlineData(nameof(PortalExamples.AllTheTime), "Always · Always · Never")]
    [InlineData(nameof(PortalExamples.OfficeHours), "Days of the Week Sun, Mon, Tue, Wed, Thu, Fri · Every Week · Never")]
    [InlineData(nameof(PortalExamples.FirstMondayStaffMeeting), "Days of the Week Mon · Every Month on the First · After 10 occurrences")]
    [InlineData(nameof(PortalExamples.NightShift), "Days of the Week Fri · Every 2 Weeks · 12/31/2025")]
    [InlineData(nameof(PortalExamples.WinterClosure), "Specific Dates 12/23/2025 5:00 PM – 01/04/2026 8:00 AM · Every Year · Never")]
    [InlineData(nameof(PortalExamples.Inventory), "Specific Dates 2 intervals · Mixed · Never")]
    [InlineData(nameof(PortalExamples.CompanyHolidays), "Holidays 5 holidays · Every Year · Never")]
    [InlineData(nameof(PortalExamples.CustomFrame), "Custom Days of the Week Sun, Mon, Tue, Wed, Thu, Fri, Sat + Holidays 2 holidays · Mixed · Never")]
    public void Summarize_PortalExample_IsTheGuidesLine(string example, string expected)
    {
        var sut = CreateSut(PortalExampleData.ByName(example));

        var summary = sut.Summarize();

        Assert.Equal(expected, summary.ToString());
    }

    [Fact]
    public void Summarize_EarlyRelease_HasTheThreeColumns()
    {
        var summary = CreateSut(PortalExamples.EarlyRelease()).Summarize();

        Assert.Equal(new TimeFrameSummary("Days of the Week Fri, Sat", "Every Week", "Never"), summary);
    }

    [Fact]
    public void Summarize_SpecificDatesWithCount_EndsAfterOccurrences()
    {
        var summary = CreateSut(new SpecificDatesDefinition(new SpecificDateInterval(
            new LocalDateTime(2025, 1, 31, 10, 0),
            new LocalDateTime(2025, 1, 31, 11, 0),
            new DateRecurrence(DateFrequency.MonthlyByDayOfMonth, 2, RecurrenceEnd.After(1))))).Summarize();

        Assert.Equal("Specific Dates 01/31/2025 10:00 AM – 01/31/2025 11:00 AM · Every 2 Months on Day 31 · After 1 occurrence", summary.ToString());
    }

    [Fact]
    public void Summarize_MonthlyByWeekdayOnFifthFriday_SaysLast()
    {
        var summary = CreateSut(new SpecificDatesDefinition(new SpecificDateInterval(
            new LocalDateTime(2025, 5, 30, 10, 0),
            new LocalDateTime(2025, 5, 30, 11, 0),
            new DateRecurrence(DateFrequency.MonthlyByWeekday, 1, RecurrenceEnd.On(new LocalDate(2025, 12, 31)))))).Summarize();

        Assert.Equal("Specific Dates 05/30/2025 10:00 AM – 05/30/2025 11:00 AM · Every Month on the Last Friday · 12/31/2025", summary.ToString());
    }

    [Fact]
    public void Summarize_HolidaysAllEndingOnDates_EndsOnTheLatest()
    {
        var summary = CreateSut(new HolidaysDefinition(
            HolidaySelection.FromCalendar("US", "christmas") with { Until = new LocalDate(2030, 12, 31) },
            HolidaySelection.FromCalendar("US", "juneteenth") with { OnlyInYear = 2031 })).Summarize();

        Assert.Equal("Holidays 2 holidays · Mixed · 06/19/2031", summary.ToString());
    }

    private static CompiledTimeFrame CreateSut(TimeFrame frame) => TestCompiler.Compile(frame);

    private static CompiledTimeFrame CreateSut(TimeFrameDefinition definition) => TestCompiler.Compile(definition, TestCompiler.NewYork);
}
