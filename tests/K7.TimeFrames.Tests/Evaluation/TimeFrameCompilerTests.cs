using K7.TimeFrames.Sample;
using NodaTime;

namespace K7.TimeFrames.Tests.Evaluation;

/// <summary>Compile checks holiday references against the calendar, which the TimeFrame constructor cannot.</summary>
public sealed class TimeFrameCompilerTests
{
    [Theory]
    [InlineData("US", null, "bastille-day", null, "Definition.Holidays[0].HolidayId")]
    [InlineData("XX", null, "christmas", null, "Definition.Holidays[0].Country")]
    [InlineData("DE", "DE-ZZ", "neujahrstag", null, "Definition.Holidays[0].Region")]
    [InlineData("US", null, "juneteenth", 2020, "Definition.Holidays[0].HolidayId")]
    public void Compile_HolidayUnknownToCalendar_ThrowsForField(string country, string? region, string id, int? onlyInYear, string field)
    {
        var frame = Frame(new HolidaysDefinition(HolidaySelection.FromCalendar(country, id, region) with { OnlyInYear = onlyInYear }));

        var e = Assert.Throws<TimeFrameValidationException>(() => CreateSut().Compile(frame));

        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void Compile_RegionWithoutCountryPrefix_IsAccepted()
    {
        var compiled = CreateSut().Compile(Frame(new HolidaysDefinition(HolidaySelection.FromCalendar("DE", "heilige-drei-konige", "by"))));

        Assert.Equal(TimeFrameKind.Holidays, compiled.Frame.Kind);
    }

    [Fact]
    public void Compile_Frame_KeepsTheFrame()
    {
        var frame = PortalExamples.EarlyRelease();

        var compiled = CreateSut().Compile(frame);

        Assert.Same(frame, compiled.Frame);
    }

    [Fact]
    public void Contains_LocalDateTime_ReadsTheWallClockWithoutZone()
    {
        var compiled = CreateSut().Compile(PortalExamples.EarlyRelease());

        Assert.True(compiled.Contains(new LocalDateTime(2025, 6, 6, 13, 0)));
        Assert.False(compiled.Contains(new LocalDateTime(2025, 6, 6, 17, 0)));
    }

    private static TimeFrameCompiler CreateSut() => TestCompiler.Compiler;

    private static TimeFrame Frame(TimeFrameDefinition definition) => new("Holidays", TimeFrameOwner.User("202"), DateTimeZone.Utc, definition);
}
