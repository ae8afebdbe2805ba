using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace K7.TimeFrames;

/// <summary>Reads and writes <see cref="TimeFrame"/> values inside a host's System.Text.Json documents, in the format of
/// <see cref="TimeFrameJson"/> (docs/timeframes-json.md).</summary>
/// <remarks>
/// <para>Add it to <see cref="JsonSerializerOptions.Converters"/> (for ASP.NET Core, in <c>JsonOptions</c>), or put
/// <c>[JsonConverter(typeof(TimeFrameJsonConverter))]</c> on a property. The format is fixed: the options' naming
/// policy and number handling do not change it; indentation and escaping follow the host's writer, and comments
/// are skipped when the host's reader allows them. <see langword="null"/> is read and written by the serializer as
/// usual.</para>
/// <para>A malformed or invalid frame throws <see cref="JsonException"/>, as converters do, with the
/// <see cref="TimeFrameFormatException"/> as its inner exception; its <see cref="TimeFrameFormatException.Path"/> is
/// relative to the frame (<c>$.definition.days[0]</c>), while the serializer sets the <see cref="JsonException"/>'s
/// own path and line in the host's document.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class TimeFrameJsonConverter : JsonConverter<TimeFrame>
{
    private readonly IDateTimeZoneProvider _zones;

    /// <summary>Initializes a new instance of the <see cref="TimeFrameJsonConverter"/> class that reads time zones from
    /// <see cref="DateTimeZoneProviders.Tzdb"/>.</summary>
    public TimeFrameJsonConverter()
        : this(DateTimeZoneProviders.Tzdb)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TimeFrameJsonConverter"/> class.</summary>
    /// <param name="zones">The provider of the frames' time zones.</param>
    public TimeFrameJsonConverter(IDateTimeZoneProvider zones)
    {
        ArgumentNullException.ThrowIfNull(zones);
        _zones = zones;
    }

    /// <inheritdoc/>
    public override TimeFrame Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return TimeFrameJsonReader.ReadValue(ref reader, _zones);
        }
        catch (TimeFrameFormatException ex)
        {
            throw new JsonException($"Invalid time frame: {ex.Message}", ex);
        }
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TimeFrame value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        TimeFrameJsonWriter.WriteFrame(writer, value);
    }
}
