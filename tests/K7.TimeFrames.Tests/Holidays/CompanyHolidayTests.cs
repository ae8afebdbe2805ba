using NodaTime;

namespace K7.TimeFrames.Tests.Holidays;

public sealed class CompanyHolidayTests
{
    [Fact]
    public void GetDate_FourthThursdayOfNovember2025_IsThanksgiving()
    {
        var rule = new WeekdayOfMonthHolidayRule(11, IsoDayOfWeek.Thursday, WeekdayOrdinal.Fourth);

        Assert.Equal(new LocalDate(2025, 11, 27), rule.GetDate(2025));
    }

    [Fact]
    public void GetDate_LastMondayOfMay2025_IsMemorialDay()
    {
        var rule = new WeekdayOfMonthHolidayRule(5, IsoDayOfWeek.Monday, WeekdayOrdinal.Last);

        Assert.Equal(new LocalDate(2025, 5, 26), rule.GetDate(2025));
    }

    [Fact]
    public void GetDate_FifthMondayInAMonthWithFour_IsNull()
    {
        var rule = new WeekdayOfMonthHolidayRule(2, IsoDayOfWeek.Monday, WeekdayOrdinal.Fifth);

        Assert.Null(rule.GetDate(2025));
        Assert.Equal(new LocalDate(2032, 2, 23), new WeekdayOfMonthHolidayRule(2, IsoDayOfWeek.Monday, WeekdayOrdinal.Fourth).GetDate(2032));
        Assert.Equal(new LocalDate(2032, 2, 23), new WeekdayOfMonthHolidayRule(2, IsoDayOfWeek.Monday, WeekdayOrdinal.Last).GetDate(2032));
    }

    [Fact]
    public void GetDate_EasterMinusTwoIn2025_IsGoodFriday()
    {
        Assert.Equal(new LocalDate(2025, 4, 18), new EasterOffsetHolidayRule(-2).GetDate(2025));
    }

    [Theory]
    [InlineData(1818, 3, 22)]
    [InlineData(1943, 4, 25)]
    [InlineData(2000, 4, 23)]
    [InlineData(2008, 3, 23)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2038, 4, 25)]
    public void GetDate_EasterOffsetZero_IsEasterSunday(int year, int month, int day)
    {
        Assert.Equal(new LocalDate(year, month, day), new EasterOffsetHolidayRule(0).GetDate(year));
    }

    [Fact]
    public void GetDate_EasterOffsetOf50_IsWhitMonday()
    {
        Assert.Equal(new LocalDate(2025, 6, 9), new EasterOffsetHolidayRule(50).GetDate(2025));
    }

    [Fact]
    public void GetDate_LargeNegativeEasterOffset_CanFallInThePreviousYear()
    {
        // Easter 2008 is March 23; 100 days earlier is December 14, 2007.
        Assert.Equal(new LocalDate(2007, 12, 14), new EasterOffsetHolidayRule(-100).GetDate(2008));
    }

    [Fact]
    public void GetDate_February29_IsNullInCommonYearsOnly()
    {
        var rule = new FixedDateHolidayRule(2, 29);

        Assert.Null(rule.GetDate(2025));
        Assert.Null(rule.GetDate(1900));
        Assert.Equal(new LocalDate(2024, 2, 29), rule.GetDate(2024));
        Assert.Equal(new LocalDate(2000, 2, 29), rule.GetDate(2000));
    }

    [Fact]
    public void GetDate_FixedDate_IsThatDayEveryYear()
    {
        var rule = new FixedDateHolidayRule(12, 24);

        for (var year = 1990; year <= 2030; year++)
        {
            Assert.Equal(new LocalDate(year, 12, 24), rule.GetDate(year));
        }
    }

    [Theory]
    [InlineData(0, 1, "Month")]
    [InlineData(13, 1, "Month")]
    [InlineData(1, 0, "Day")]
    [InlineData(1, 32, "Day")]
    [InlineData(4, 31, "Day")]
    [InlineData(2, 30, "Day")]
    public void FixedDateHolidayRule_InvalidDate_ThrowsNamingTheParameter(int month, int day, string parameter)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new FixedDateHolidayRule(month, day));

        Assert.Equal(parameter, exception.ParamName);
    }

    [Fact]
    public void WeekdayOfMonthHolidayRule_InvalidValues_ThrowNamingTheParameter()
    {
        Assert.Equal("Month", Assert.Throws<ArgumentOutOfRangeException>(() => new WeekdayOfMonthHolidayRule(13, IsoDayOfWeek.Monday, WeekdayOrdinal.First)).ParamName);
        Assert.Equal("Day", Assert.Throws<ArgumentOutOfRangeException>(() => new WeekdayOfMonthHolidayRule(1, IsoDayOfWeek.None, WeekdayOrdinal.First)).ParamName);
        Assert.Equal("Day", Assert.Throws<ArgumentOutOfRangeException>(() => new WeekdayOfMonthHolidayRule(1, (IsoDayOfWeek)8, WeekdayOrdinal.First)).ParamName);
        Assert.Equal("Ordinal", Assert.Throws<ArgumentOutOfRangeException>(() => new WeekdayOfMonthHolidayRule(1, IsoDayOfWeek.Monday, (WeekdayOrdinal)0)).ParamName);
        Assert.Equal("Ordinal", Assert.Throws<ArgumentOutOfRangeException>(() => new WeekdayOfMonthHolidayRule(1, IsoDayOfWeek.Monday, (WeekdayOrdinal)6)).ParamName);
    }

    [Theory]
    [InlineData(-201)]
    [InlineData(201)]
    [InlineData(int.MinValue)]
    public void EasterOffsetHolidayRule_OffsetBeyond200Days_ThrowsNamingDays(int days)
    {
        Assert.Equal("Days", Assert.Throws<ArgumentOutOfRangeException>(() => new EasterOffsetHolidayRule(days)).ParamName);
    }

    [Theory]
    [InlineData(-200)]
    [InlineData(200)]
    public void EasterOffsetHolidayRule_OffsetOf200Days_IsAccepted(int days)
    {
        Assert.NotNull(new EasterOffsetHolidayRule(days).GetDate(2025));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_000)]
    public void GetDate_YearOutOfRange_Throws(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FixedDateHolidayRule(1, 1).GetDate(year));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EasterOffsetHolidayRule(0).GetDate(year));
        Assert.Throws<ArgumentOutOfRangeException>(() => CreateSut().GetDate(year));
    }

    [Fact]
    public void GetHoliday_FourthFridayOfNovember2025_IsNovember28()
    {
        var holiday = CreateSut().GetHoliday(2025);

        Assert.Equal(new Holiday("company-picnic", "Company picnic", new LocalDate(2025, 11, 28)), holiday);
    }

    [Fact]
    public void GetHoliday_NoDateThatYear_IsNull()
    {
        var leapDay = new CompanyHoliday("leap-day", "Leap day", new FixedDateHolidayRule(2, 29));

        Assert.Null(leapDay.GetHoliday(2025));
        Assert.Null(leapDay.GetDate(2025));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Day")]
    [InlineData("day after")]
    [InlineData("day_after")]
    [InlineData("-day")]
    [InlineData("day-")]
    [InlineData("day--after")]
    [InlineData("fête")]
    public void CompanyHoliday_IdNotLowerKebab_ThrowsNamingId(string id)
    {
        var exception = Assert.Throws<ArgumentException>(() => new CompanyHoliday(id, "Name", new FixedDateHolidayRule(1, 1)));

        Assert.Equal("Id", exception.ParamName);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("founders-day")]
    [InlineData("closing-2025")]
    [InlineData("1st-of-may")]
    public void CompanyHoliday_LowerKebabId_IsAccepted(string id)
    {
        Assert.Equal(id, new CompanyHoliday(id, "Name", new FixedDateHolidayRule(1, 1)).Id);
    }

    [Fact]
    public void CompanyHoliday_MissingValues_Throw()
    {
        var rule = new FixedDateHolidayRule(1, 1);

        Assert.Equal("Id", Assert.ThrowsAny<ArgumentException>(() => new CompanyHoliday(null!, "Name", rule)).ParamName);
        Assert.Equal("Name", Assert.ThrowsAny<ArgumentException>(() => new CompanyHoliday("id", " ", rule)).ParamName);
        Assert.Equal("Name", Assert.ThrowsAny<ArgumentException>(() => new CompanyHoliday("id", null!, rule)).ParamName);
        Assert.Equal("Rule", Assert.Throws<ArgumentNullException>(() => new CompanyHoliday("id", "Name", null!)).ParamName);
    }

    [Fact]
    public void CompanyHoliday_InvalidValueThroughWith_Throws()
    {
        var holiday = CreateSut();

        Assert.Equal("Id", Assert.Throws<ArgumentException>(() => holiday with { Id = "Not Valid" }).ParamName);
        Assert.Equal("Name", Assert.Throws<ArgumentException>(() => holiday with { Name = string.Empty }).ParamName);
        Assert.Equal("founders-day", (holiday with { Id = "founders-day" }).Id);
    }

    [Fact]
    public void Rules_WithEqualValues_AreEqual()
    {
        Assert.Equal(new FixedDateHolidayRule(12, 24), new FixedDateHolidayRule(12, 24));
        Assert.Equal(new EasterOffsetHolidayRule(-2), new EasterOffsetHolidayRule(-2));
        Assert.NotEqual<CompanyHolidayRule>(new FixedDateHolidayRule(1, 2), new EasterOffsetHolidayRule(1));
        Assert.Equal(CreateSut(), CreateSut());
    }

    private static CompanyHoliday CreateSut() =>
        new("company-picnic", "Company picnic", new WeekdayOfMonthHolidayRule(11, IsoDayOfWeek.Friday, WeekdayOrdinal.Fourth));
}
