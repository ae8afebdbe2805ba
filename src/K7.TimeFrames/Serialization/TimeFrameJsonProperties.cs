using System.Text;
using System.Text.Json;

namespace K7.TimeFrames;

/// <summary>The properties one JSON object of the format may have, in the order their bits are numbered.</summary>
internal sealed class TimeFrameJsonProperties
{
    public static readonly TimeFrameJsonProperties Frame = new("a time frame", "name", "owner", "timeZone", "definition");
    public static readonly TimeFrameJsonProperties FrameOwner = new("an owner", "user");
    public static readonly TimeFrameJsonProperties Always = new("an always definition", "kind");
    public static readonly TimeFrameJsonProperties DaysOfWeek = new("a daysOfWeek definition", "kind", "days", "recurrence", "startDate", "end");
    public static readonly TimeFrameJsonProperties Day = new("a day", "day", "ranges");
    public static readonly TimeFrameJsonProperties DaysRecurrence = new("a daysOfWeek recurrence", "every", "unit", "ordinal");
    public static readonly TimeFrameJsonProperties End = new("an end", "never", "on", "after");
    public static readonly TimeFrameJsonProperties SpecificDates = new("a specificDates definition", "kind", "intervals");
    public static readonly TimeFrameJsonProperties Interval = new("an interval", "start", "end", "recurrence");
    public static readonly TimeFrameJsonProperties DateRecurrence = new("an interval recurrence", "frequency", "every", "end");
    public static readonly TimeFrameJsonProperties Holidays = new("a holidays definition", "kind", "holidays", "observed");
    public static readonly TimeFrameJsonProperties Holiday = new("a holiday", "country", "region", "holiday", "company", "time", "onlyInYear", "until");
    public static readonly TimeFrameJsonProperties Company = new("a company holiday", "id", "name", "rule");
    public static readonly TimeFrameJsonProperties FixedDate = new("a fixedDate rule", "kind", "month", "day");
    public static readonly TimeFrameJsonProperties WeekdayOfMonth = new("a weekdayOfMonth rule", "kind", "month", "day", "ordinal");
    public static readonly TimeFrameJsonProperties EasterOffset = new("an easterOffset rule", "kind", "days");
    public static readonly TimeFrameJsonProperties Observed = new(
        "observed-holiday rules", "workWeek", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "keepActualDay");

    public static readonly TimeFrameJsonProperties Custom = new("a custom definition", "kind", "children");

    private readonly byte[][] _utf8;

    private TimeFrameJsonProperties(string description, params string[] names)
    {
        Description = description;
        Names = names;
        _utf8 = new byte[names.Length][];
        for (var i = 0; i < names.Length; i++)
        {
            _utf8[i] = Encoding.UTF8.GetBytes(names[i]);
        }
    }

    /// <summary>Gets what the object is, for messages: "a daysOfWeek definition".</summary>
    public string Description { get; }

    /// <summary>Gets the property names.</summary>
    public string[] Names { get; }

    /// <summary>Returns the index of the property name under <paramref name="reader"/>, or -1.</summary>
    public int IndexOf(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < _utf8.Length; i++)
        {
            if (reader.ValueTextEquals(_utf8[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
