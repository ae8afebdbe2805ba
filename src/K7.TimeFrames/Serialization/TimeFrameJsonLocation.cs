using K7.Json;

namespace K7.TimeFrames;

/// <summary>The time-frame JSON names of model fields, for error paths (the rest is <see cref="JsonLocation"/>).</summary>
internal static class TimeFrameJsonLocation
{
    /// <summary>Converts a <see cref="TimeFrameValidationException.Field"/> (<c>Definition.Days[1].Ranges[0]</c>) to the
    /// JSON path below the frame (<c>.definition.days[1].ranges[0]</c>).</summary>
    public static string FromField(string field) => JsonLocation.FromField(field, PropertyOf);

    private static string PropertyOf(string field) => field switch
    {
        "Zone" => "timeZone",
        "Interval" => "every",
        "Count" => "after",
        "Date" => "on",
        "HolidayId" => "holiday",
        _ => string.Concat(field[..1].ToLowerInvariant(), field[1..]),
    };
}
