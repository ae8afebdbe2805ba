using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;

namespace K7.TimeFrames;

/// <summary>Writes time frames in the JSON format of docs/timeframes-json.md, property order fixed.</summary>
/// <remarks>Optional properties whose value is <see langword="null"/> are left out; every other property is written,
/// defaults included, so that a stored document keeps its meaning if a default changes. Values JSON cannot hold
/// exactly (a lone surrogate in a name, which an encoder would replace) throw <see cref="ArgumentException"/> rather
/// than being written differently.</remarks>
internal static class TimeFrameJsonWriter
{
    /// <summary>Gets the writer options of <see cref="TimeFrameJson"/>: readable non-ASCII text, <c>\n</c> line ends.</summary>
    public static JsonWriterOptions Options(bool indented) => new()
    {
        Indented = indented,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void WriteFrame(Utf8JsonWriter writer, TimeFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        writer.WriteStartObject();
        writer.WriteString("name"u8, Text(frame.Name, "The name"));
        if (frame.Owner.UserId is { } user)
        {
            writer.WriteStartObject("owner"u8);
            writer.WriteString("user"u8, Text(user, "The owner's user id"));
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteString("owner"u8, TimeFrameJsonText.Domain);
        }

        writer.WriteString("timeZone"u8, frame.Zone.Id);
        writer.WritePropertyName("definition"u8);
        WriteDefinition(writer, frame.Definition);
        writer.WriteEndObject();
    }

    public static void WriteList(Utf8JsonWriter writer, IEnumerable<TimeFrame> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        writer.WriteStartArray();
        foreach (var frame in frames)
        {
            WriteFrame(writer, frame);
        }

        writer.WriteEndArray();
    }

    private static void WriteDefinition(Utf8JsonWriter writer, TimeFrameDefinition definition)
    {
        writer.WriteStartObject();
        writer.WriteString("kind"u8, TimeFrameJsonText.Kind(definition.Kind));
        switch (definition)
        {
            case AlwaysDefinition:
                break;
            case DaysOfWeekDefinition days:
                WriteDays(writer, days);
                break;
            case SpecificDatesDefinition dates:
                WriteDates(writer, dates);
                break;
            case HolidaysDefinition holidays:
                WriteHolidays(writer, holidays);
                break;
            case CustomDefinition custom:
                writer.WriteStartArray("children"u8);
                foreach (var child in custom.Children)
                {
                    WriteDefinition(writer, child);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"A definition of type {definition.GetType().Name} cannot be written as JSON.", nameof(definition));
        }

        writer.WriteEndObject();
    }

    private static void WriteDays(Utf8JsonWriter writer, DaysOfWeekDefinition days)
    {
        writer.WriteStartArray("days"u8);
        foreach (var day in days.Days)
        {
            writer.WriteStartObject();
            writer.WriteString("day"u8, TimeFrameJsonText.Day(day.Day));
            writer.WriteStartArray("ranges"u8);
            foreach (var range in day.Ranges)
            {
                writer.WriteStringValue(range.ToString());
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        var recurrence = days.Recurrence;
        writer.WriteStartObject("recurrence"u8);
        writer.WriteNumber("every"u8, recurrence.Interval);
        if (recurrence.Ordinal is { } ordinal)
        {
            writer.WriteString("unit"u8, "month"u8);
            writer.WriteString("ordinal"u8, TimeFrameJsonText.Ordinal(ordinal));
        }
        else
        {
            writer.WriteString("unit"u8, "week"u8);
        }

        writer.WriteEndObject();
        if (days.StartDate is { } startDate)
        {
            writer.WriteString("startDate"u8, TimeFrameJsonText.FormatDate(startDate));
        }

        WriteEnd(writer, days.End);
    }

    private static void WriteEnd(Utf8JsonWriter writer, RecurrenceEnd end)
    {
        writer.WriteStartObject("end"u8);
        if (end.Date is { } date)
        {
            writer.WriteString("on"u8, TimeFrameJsonText.FormatDate(date));
        }
        else if (end.Count is { } count)
        {
            writer.WriteNumber("after"u8, count);
        }
        else
        {
            writer.WriteBoolean("never"u8, true);
        }

        writer.WriteEndObject();
    }

    private static void WriteDates(Utf8JsonWriter writer, SpecificDatesDefinition dates)
    {
        writer.WriteStartArray("intervals"u8);
        foreach (var interval in dates.Intervals)
        {
            writer.WriteStartObject();
            writer.WriteString("start"u8, TimeFrameJsonText.FormatDateTime(interval.Start));
            writer.WriteString("end"u8, TimeFrameJsonText.FormatDateTime(interval.End));
            if (interval.Recurrence is { } recurrence)
            {
                writer.WriteStartObject("recurrence"u8);
                writer.WriteString("frequency"u8, TimeFrameJsonText.Frequencies[(int)recurrence.Frequency]);
                writer.WriteNumber("every"u8, recurrence.Interval);
                WriteEnd(writer, recurrence.End);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteHolidays(Utf8JsonWriter writer, HolidaysDefinition holidays)
    {
        writer.WriteStartArray("holidays"u8);
        foreach (var holiday in holidays.Holidays)
        {
            writer.WriteStartObject();
            WriteOptionalString(writer, "country"u8, holiday.Country, "A holiday's country");
            WriteOptionalString(writer, "region"u8, holiday.Region, "A holiday's region");
            WriteOptionalString(writer, "holiday"u8, holiday.HolidayId, "A holiday's id");
            if (holiday.Company is { } company)
            {
                writer.WriteStartObject("company"u8);
                writer.WriteString("id"u8, Text(company.Id, "A company holiday's id"));
                writer.WriteString("name"u8, Text(company.Name, "A company holiday's name"));
                writer.WritePropertyName("rule"u8);
                WriteRule(writer, company.Rule);
                writer.WriteEndObject();
            }

            writer.WriteString("time"u8, holiday.Time.ToString());
            if (holiday.OnlyInYear is { } year)
            {
                writer.WriteNumber("onlyInYear"u8, year);
            }

            if (holiday.Until is { } until)
            {
                writer.WriteString("until"u8, TimeFrameJsonText.FormatDate(until));
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        var observed = holidays.Observed;
        writer.WriteStartObject("observed"u8);
        if ((observed.WorkWeek & ~Weekdays.All) != 0)
        {
            throw new ArgumentException($"The work week {observed.WorkWeek} holds flags that are not days and cannot be written as JSON.", nameof(holidays));
        }

        writer.WriteStartArray("workWeek"u8);
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            if (observed.WorkWeek.Contains(day))
            {
                writer.WriteStringValue(TimeFrameJsonText.Day(day));
            }
        }

        writer.WriteEndArray();
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            writer.WriteString(TimeFrameJsonText.Day(day), TimeFrameJsonText.Shifts[(int)observed.GetShift(day)]);
        }

        writer.WriteBoolean("keepActualDay"u8, observed.KeepActualDay);

        writer.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter writer, CompanyHolidayRule rule)
    {
        writer.WriteStartObject();
        switch (rule)
        {
            case FixedDateHolidayRule fixedDate:
                writer.WriteString("kind"u8, "fixedDate"u8);
                writer.WriteNumber("month"u8, fixedDate.Month);
                writer.WriteNumber("day"u8, fixedDate.Day);
                break;
            case WeekdayOfMonthHolidayRule weekday:
                writer.WriteString("kind"u8, "weekdayOfMonth"u8);
                writer.WriteNumber("month"u8, weekday.Month);
                writer.WriteString("day"u8, TimeFrameJsonText.Day(weekday.Day));
                writer.WriteString("ordinal"u8, TimeFrameJsonText.Ordinal(weekday.Ordinal));
                break;
            case EasterOffsetHolidayRule easter:
                writer.WriteString("kind"u8, "easterOffset"u8);
                writer.WriteNumber("days"u8, easter.Days);
                break;
            default:
                throw new ArgumentException($"A company-holiday rule of type {rule.GetType().Name} cannot be written as JSON.", nameof(rule));
        }

        writer.WriteEndObject();
    }

    private static void WriteOptionalString(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value, string what)
    {
        if (value is not null)
        {
            writer.WriteString(name, Text(value, what));
        }
    }

    /// <summary>Returns <paramref name="value"/> if it is valid UTF-16 (no lone surrogate), which JSON text can hold exactly.</summary>
    private static string Text(string value, string what)
    {
        var rest = value.AsSpan();
        if (rest.IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            return value;
        }

        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out _, out var consumed) != OperationStatus.Done)
            {
                throw new ArgumentException(
                    $"{what} holds a lone surrogate at index {value.Length - rest.Length} and cannot be written as JSON text exactly.",
                    nameof(value));
            }

            rest = rest[consumed..];
        }

        return value;
    }
}
