using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using NodaTime;

namespace K7.TimeFrames;

/// <summary>Writes and reads time frames as JSON, for storage and configuration (format: docs/timeframes-json.md).</summary>
/// <remarks>
/// <para>The format is stable and camelCase, with enum values as camelCase strings and dates as ISO text
/// (<c>2025-01-03</c>, <c>2025-12-23T17:00:00</c>). <c>Deserialize(Serialize(frame))</c> equals <c>frame</c>.
/// Output is compact, or indented by two spaces with <c>\n</c> line ends; non-ASCII text is written as is.</para>
/// <para>Reading is strict: unknown or repeated properties, unknown enum values, invalid dates, unknown time zones and
/// values of the wrong type are errors. Comments are allowed. Every error is a <see cref="TimeFrameFormatException"/>
/// with the JSON <see cref="TimeFrameFormatException.Path"/> (<c>$.definition.days[1].ranges[0]</c>), the one-based
/// <see cref="TimeFrameFormatException.Line"/> and the byte offset <see cref="TimeFrameFormatException.Position"/>
/// (after any byte order mark). A document that is well formed but describes an invalid frame gives the constructor's
/// <see cref="TimeFrameValidationException"/> as the inner exception.</para>
/// <para>To put frames inside a host's own documents (ASP.NET Core models), use <see cref="TimeFrameJsonConverter"/>.</para>
/// <para>Thread-safe: all members are stateless.</para>
/// </remarks>
public static class TimeFrameJson
{
    /// <summary>Writes a time frame as JSON.</summary>
    /// <param name="frame">The frame.</param>
    /// <param name="indented">Whether to indent the output (two spaces, <c>\n</c> line ends).</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentException">The frame holds a value that JSON cannot hold exactly: text with a lone
    /// surrogate (a name), or a work week with flags that are not days of the week.</exception>
    public static string Serialize(TimeFrame frame, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, TimeFrameJsonWriter.Options(indented)))
        {
            TimeFrameJsonWriter.WriteFrame(writer, frame);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes a time frame as UTF-8 JSON.</summary>
    /// <param name="frame">The frame.</param>
    /// <param name="indented">Whether to indent the output.</param>
    /// <returns>The UTF-8 bytes, without a byte order mark.</returns>
    /// <exception cref="ArgumentException">The frame holds a value that has no JSON form.</exception>
    public static byte[] SerializeToUtf8Bytes(TimeFrame frame, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, TimeFrameJsonWriter.Options(indented)))
        {
            TimeFrameJsonWriter.WriteFrame(writer, frame);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes a time frame as UTF-8 JSON to a stream.</summary>
    /// <param name="utf8Json">The stream to write to; it is not closed.</param>
    /// <param name="frame">The frame.</param>
    /// <param name="indented">Whether to indent the output.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the document is written and flushed.</returns>
    /// <exception cref="ArgumentException">The frame holds a value that has no JSON form; nothing was written.</exception>
    public static async Task SerializeAsync(Stream utf8Json, TimeFrame frame, bool indented = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var bytes = SerializeToUtf8Bytes(frame, indented);
        await utf8Json.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await utf8Json.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes time frames as a JSON array, for storing many frames in one document.</summary>
    /// <param name="frames">The frames, in the order to write them.</param>
    /// <param name="indented">Whether to indent the output.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentException">A frame holds a value that has no JSON form.</exception>
    public static string SerializeList(IEnumerable<TimeFrame> frames, bool indented = false) =>
        Encoding.UTF8.GetString(SerializeListToUtf8Bytes(frames, indented));

    /// <summary>Writes time frames as a UTF-8 JSON array.</summary>
    /// <param name="frames">The frames, in the order to write them.</param>
    /// <param name="indented">Whether to indent the output.</param>
    /// <returns>The UTF-8 bytes, without a byte order mark.</returns>
    /// <exception cref="ArgumentException">A frame holds a value that has no JSON form.</exception>
    public static byte[] SerializeListToUtf8Bytes(IEnumerable<TimeFrame> frames, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, TimeFrameJsonWriter.Options(indented)))
        {
            TimeFrameJsonWriter.WriteList(writer, frames);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes time frames as a UTF-8 JSON array to a stream.</summary>
    /// <param name="utf8Json">The stream to write to; it is not closed.</param>
    /// <param name="frames">The frames, in the order to write them.</param>
    /// <param name="indented">Whether to indent the output.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the document is written and flushed.</returns>
    /// <exception cref="ArgumentException">A frame holds a value that has no JSON form; nothing was written.</exception>
    public static async Task SerializeListAsync(Stream utf8Json, IEnumerable<TimeFrame> frames, bool indented = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var bytes = SerializeListToUtf8Bytes(frames, indented);
        await utf8Json.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await utf8Json.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a time frame from JSON, with time zones from <see cref="DateTimeZoneProviders.Tzdb"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The frame.</returns>
    /// <exception cref="TimeFrameFormatException">The text is not a valid time frame; the exception gives the path, line and position.</exception>
    public static TimeFrame Deserialize(string json) => Deserialize(json, DateTimeZoneProviders.Tzdb);

    /// <summary>Reads a time frame from JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="zones">The provider of the <c>timeZone</c>.</param>
    /// <returns>The frame.</returns>
    /// <exception cref="TimeFrameFormatException">The text is not a valid time frame; the exception gives the path, line and position.</exception>
    public static TimeFrame Deserialize(string json, IDateTimeZoneProvider zones)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(zones);
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(json, buffer);
            return TimeFrameJsonReader.ReadFrameDocument(buffer.AsSpan(0, length), json, zones);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads a time frame from UTF-8 JSON, with time zones from <see cref="DateTimeZoneProviders.Tzdb"/>.</summary>
    /// <param name="utf8Json">The UTF-8 bytes; a leading byte order mark is skipped.</param>
    /// <returns>The frame.</returns>
    /// <exception cref="TimeFrameFormatException">The bytes are not a valid time frame.</exception>
    public static TimeFrame Deserialize(ReadOnlySpan<byte> utf8Json) => Deserialize(utf8Json, DateTimeZoneProviders.Tzdb);

    /// <summary>Reads a time frame from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The UTF-8 bytes; a leading byte order mark is skipped.</param>
    /// <param name="zones">The provider of the <c>timeZone</c>.</param>
    /// <returns>The frame.</returns>
    /// <exception cref="TimeFrameFormatException">The bytes are not a valid time frame.</exception>
    public static TimeFrame Deserialize(ReadOnlySpan<byte> utf8Json, IDateTimeZoneProvider zones)
    {
        ArgumentNullException.ThrowIfNull(zones);
        return TimeFrameJsonReader.ReadFrameDocument(SkipByteOrderMark(utf8Json), null, zones);
    }

    /// <summary>Reads a time frame from a UTF-8 JSON stream, to its end.</summary>
    /// <param name="utf8Json">The stream; it is read to its end and not closed.</param>
    /// <param name="zones">The provider of the <c>timeZone</c>; <see langword="null"/> for <see cref="DateTimeZoneProviders.Tzdb"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The frame.</returns>
    /// <exception cref="TimeFrameFormatException">The stream does not hold a valid time frame.</exception>
    public static async ValueTask<TimeFrame> DeserializeAsync(Stream utf8Json, IDateTimeZoneProvider? zones = null, CancellationToken cancellationToken = default)
    {
        var bytes = await ReadToEndAsync(utf8Json, cancellationToken).ConfigureAwait(false);
        return Deserialize(bytes.Span, zones ?? DateTimeZoneProviders.Tzdb);
    }

    /// <summary>Tries to read a time frame from JSON, with time zones from <see cref="DateTimeZoneProviders.Tzdb"/>;
    /// never throws on bad input.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="frame">The frame, when the text is a valid time frame.</param>
    /// <param name="error">Why the text is not a valid time frame, otherwise.</param>
    /// <returns><see langword="true"/> when the text is a valid time frame.</returns>
    public static bool TryDeserialize(
        string json,
        [NotNullWhen(true)] out TimeFrame? frame,
        [NotNullWhen(false)] out TimeFrameFormatException? error) =>
        TryDeserialize(json, DateTimeZoneProviders.Tzdb, out frame, out error);

    /// <summary>Tries to read a time frame from JSON; never throws on bad input.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="zones">The provider of the <c>timeZone</c>.</param>
    /// <param name="frame">The frame, when the text is a valid time frame.</param>
    /// <param name="error">Why the text is not a valid time frame, otherwise.</param>
    /// <returns><see langword="true"/> when the text is a valid time frame.</returns>
    public static bool TryDeserialize(
        string json,
        IDateTimeZoneProvider zones,
        [NotNullWhen(true)] out TimeFrame? frame,
        [NotNullWhen(false)] out TimeFrameFormatException? error)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(zones);
        try
        {
            frame = Deserialize(json, zones);
            error = null;
            return true;
        }
        catch (TimeFrameFormatException ex)
        {
            frame = null;
            error = ex;
            return false;
        }
    }

    /// <summary>Tries to read a time frame from UTF-8 JSON, with time zones from <see cref="DateTimeZoneProviders.Tzdb"/>;
    /// never throws on bad input.</summary>
    /// <param name="utf8Json">The UTF-8 bytes; a leading byte order mark is skipped.</param>
    /// <param name="frame">The frame, when the bytes are a valid time frame.</param>
    /// <param name="error">Why the bytes are not a valid time frame, otherwise.</param>
    /// <returns><see langword="true"/> when the bytes are a valid time frame.</returns>
    public static bool TryDeserialize(
        ReadOnlySpan<byte> utf8Json,
        [NotNullWhen(true)] out TimeFrame? frame,
        [NotNullWhen(false)] out TimeFrameFormatException? error) =>
        TryDeserialize(utf8Json, DateTimeZoneProviders.Tzdb, out frame, out error);

    /// <summary>Tries to read a time frame from UTF-8 JSON; never throws on bad input.</summary>
    /// <param name="utf8Json">The UTF-8 bytes; a leading byte order mark is skipped.</param>
    /// <param name="zones">The provider of the <c>timeZone</c>.</param>
    /// <param name="frame">The frame, when the bytes are a valid time frame.</param>
    /// <param name="error">Why the bytes are not a valid time frame, otherwise.</param>
    /// <returns><see langword="true"/> when the bytes are a valid time frame.</returns>
    public static bool TryDeserialize(
        ReadOnlySpan<byte> utf8Json,
        IDateTimeZoneProvider zones,
        [NotNullWhen(true)] out TimeFrame? frame,
        [NotNullWhen(false)] out TimeFrameFormatException? error)
    {
        ArgumentNullException.ThrowIfNull(zones);
        try
        {
            frame = Deserialize(utf8Json, zones);
            error = null;
            return true;
        }
        catch (TimeFrameFormatException ex)
        {
            frame = null;
            error = ex;
            return false;
        }
    }

    /// <summary>Reads a JSON array of time frames, with time zones from <see cref="DateTimeZoneProviders.Tzdb"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The frames, in document order.</returns>
    /// <exception cref="TimeFrameFormatException">The text is not an array of valid time frames; the path starts with the
    /// frame's index (<c>$[3].definition</c>).</exception>
    public static IReadOnlyList<TimeFrame> DeserializeList(string json) => DeserializeList(json, DateTimeZoneProviders.Tzdb);

    /// <summary>Reads a JSON array of time frames.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="zones">The provider of the time zones.</param>
    /// <returns>The frames, in document order.</returns>
    /// <exception cref="TimeFrameFormatException">The text is not an array of valid time frames; the path starts with the
    /// frame's index (<c>$[3].definition</c>).</exception>
    public static IReadOnlyList<TimeFrame> DeserializeList(string json, IDateTimeZoneProvider zones)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(zones);
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(json, buffer);
            return TimeFrameJsonReader.ReadListDocument(buffer.AsSpan(0, length), json, zones);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads a UTF-8 JSON array of time frames, with time zones from <see cref="DateTimeZoneProviders.Tzdb"/>.</summary>
    /// <param name="utf8Json">The UTF-8 bytes; a leading byte order mark is skipped.</param>
    /// <returns>The frames, in document order.</returns>
    /// <exception cref="TimeFrameFormatException">The bytes are not an array of valid time frames.</exception>
    public static IReadOnlyList<TimeFrame> DeserializeList(ReadOnlySpan<byte> utf8Json) => DeserializeList(utf8Json, DateTimeZoneProviders.Tzdb);

    /// <summary>Reads a UTF-8 JSON array of time frames.</summary>
    /// <param name="utf8Json">The UTF-8 bytes; a leading byte order mark is skipped.</param>
    /// <param name="zones">The provider of the time zones.</param>
    /// <returns>The frames, in document order.</returns>
    /// <exception cref="TimeFrameFormatException">The bytes are not an array of valid time frames.</exception>
    public static IReadOnlyList<TimeFrame> DeserializeList(ReadOnlySpan<byte> utf8Json, IDateTimeZoneProvider zones)
    {
        ArgumentNullException.ThrowIfNull(zones);
        return TimeFrameJsonReader.ReadListDocument(SkipByteOrderMark(utf8Json), null, zones);
    }

    /// <summary>Reads a UTF-8 JSON array of time frames from a stream, to its end.</summary>
    /// <param name="utf8Json">The stream; it is read to its end and not closed.</param>
    /// <param name="zones">The provider of the time zones; <see langword="null"/> for <see cref="DateTimeZoneProviders.Tzdb"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The frames, in document order.</returns>
    /// <exception cref="TimeFrameFormatException">The stream does not hold an array of valid time frames.</exception>
    public static async ValueTask<IReadOnlyList<TimeFrame>> DeserializeListAsync(Stream utf8Json, IDateTimeZoneProvider? zones = null, CancellationToken cancellationToken = default)
    {
        var bytes = await ReadToEndAsync(utf8Json, cancellationToken).ConfigureAwait(false);
        return DeserializeList(bytes.Span, zones ?? DateTimeZoneProviders.Tzdb);
    }

    /// <summary>Tries to read a JSON array of time frames, with time zones from <see cref="DateTimeZoneProviders.Tzdb"/>;
    /// never throws on bad input.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="frames">The frames, when the text is an array of valid time frames.</param>
    /// <param name="error">Why it is not, otherwise.</param>
    /// <returns><see langword="true"/> when the text is an array of valid time frames.</returns>
    public static bool TryDeserializeList(
        string json,
        [NotNullWhen(true)] out IReadOnlyList<TimeFrame>? frames,
        [NotNullWhen(false)] out TimeFrameFormatException? error) =>
        TryDeserializeList(json, DateTimeZoneProviders.Tzdb, out frames, out error);

    /// <summary>Tries to read a JSON array of time frames; never throws on bad input.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="zones">The provider of the time zones.</param>
    /// <param name="frames">The frames, when the text is an array of valid time frames.</param>
    /// <param name="error">Why it is not, otherwise.</param>
    /// <returns><see langword="true"/> when the text is an array of valid time frames.</returns>
    public static bool TryDeserializeList(
        string json,
        IDateTimeZoneProvider zones,
        [NotNullWhen(true)] out IReadOnlyList<TimeFrame>? frames,
        [NotNullWhen(false)] out TimeFrameFormatException? error)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(zones);
        try
        {
            frames = DeserializeList(json, zones);
            error = null;
            return true;
        }
        catch (TimeFrameFormatException ex)
        {
            frames = null;
            error = ex;
            return false;
        }
    }

    private static ReadOnlySpan<byte> SkipByteOrderMark(ReadOnlySpan<byte> utf8Json) =>
        utf8Json.StartsWith("\uFEFF"u8) ? utf8Json[3..] : utf8Json;

    private static async Task<ReadOnlyMemory<byte>> ReadToEndAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
