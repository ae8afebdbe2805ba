using NodaTime;

namespace K7.TimeFrames;

/// <summary>Calendar arithmetic shared by the evaluators and the holiday rules (ISO calendar).</summary>
internal static class DateMath
{
    /// <summary>The date of the <paramref name="ordinal"/> <paramref name="day"/> of a month, or null if the month has none.</summary>
    public static LocalDate? NthWeekdayOfMonth(int year, int month, IsoDayOfWeek day, WeekdayOrdinal ordinal)
    {
        if (ordinal == WeekdayOrdinal.Last)
        {
            var last = new LocalDate(year, month, CalendarSystem.Iso.GetDaysInMonth(year, month));
            var back = ((int)last.DayOfWeek - (int)day + 7) % 7;
            return last.PlusDays(-back);
        }

        var first = new LocalDate(year, month, 1);
        var forward = ((int)day - (int)first.DayOfWeek + 7) % 7;
        var dayOfMonth = 1 + forward + (7 * ((int)ordinal - 1));
        return dayOfMonth <= CalendarSystem.Iso.GetDaysInMonth(year, month) ? new LocalDate(year, month, dayOfMonth) : null;
    }

    /// <summary>Which occurrence of its weekday <paramref name="date"/> is in its month (1–5), and whether it is the last.</summary>
    public static (int Ordinal, bool IsLast) WeekdayPosition(LocalDate date)
    {
        var ordinal = ((date.Day - 1) / 7) + 1;
        var isLast = date.Day + 7 > CalendarSystem.Iso.GetDaysInMonth(date.Year, date.Month);
        return (ordinal, isLast);
    }

    /// <summary>Tells whether <paramref name="date"/> is the <paramref name="ordinal"/> occurrence of its weekday.</summary>
    public static bool IsOrdinal(LocalDate date, WeekdayOrdinal ordinal)
    {
        var (n, isLast) = WeekdayPosition(date);
        return ordinal == WeekdayOrdinal.Last ? isLast : n == (int)ordinal;
    }

    /// <summary>Days since 0001-01-01 (ISO), a fast monotonic day number.</summary>
    public static int DayNumber(LocalDate date) => date.ToDateOnly().DayNumber;

    /// <summary>Months since year 0, a monotonic month number.</summary>
    public static int MonthNumber(LocalDate date) => (date.Year * 12) + date.Month - 1;

    /// <summary>The Monday of the ISO week that contains <paramref name="date"/>.</summary>
    public static LocalDate WeekStart(LocalDate date) => date.PlusDays(1 - (int)date.DayOfWeek);

    /// <summary>Western (Gregorian) Easter Sunday of <paramref name="year"/> (anonymous Gregorian algorithm).</summary>
    public static LocalDate EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new LocalDate(year, month, day);
    }
}
