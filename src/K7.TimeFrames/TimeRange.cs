using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace K7.TimeFrames;

/// <summary>A range of wall-clock time on one day, from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive).</summary>
/// <remarks>
/// <para>When <see cref="End"/> is at or before <see cref="Start"/> the range crosses midnight and ends on the next day:
/// <c>22:00–06:00</c> on a Friday covers Friday 22:00 to Saturday 06:00, so Saturday 03:00 belongs to Friday's range.
/// <c>00:00–00:00</c> is the whole day (24 hours); <see cref="WholeDay"/> is that value.</para>
/// <para>Times are whole seconds. The text form is <c>HH:mm-HH:mm</c> (or with seconds, <c>HH:mm:ss</c>).</para>
/// </remarks>
/// <param name="Start">The first wall-clock time of the range.</param>
/// <param name="End">The wall-clock time at which the range ends; at or before <paramref name="Start"/> means the next day.</param>
public readonly record struct TimeRange(LocalTime Start, LocalTime End) : ISpanParsable<TimeRange>
{
    private const int SecondsPerDay = 86_400;

    /// <summary>Gets the whole day, 00:00 to 00:00 of the next day.</summary>
    public static TimeRange WholeDay => new(LocalTime.Midnight, LocalTime.Midnight);

    /// <summary>Gets the portal's default day range, 08:00 to 17:00.</summary>
    public static TimeRange BusinessHours => new(new LocalTime(8, 0), new LocalTime(17, 0));

    /// <summary>Gets a value indicating whether the range ends on the next day.</summary>
    public bool CrossesMidnight => End <= Start;

    /// <summary>Gets the length of the range: between one second and 24 hours.</summary>
    public Duration Length => Duration.FromSeconds(LengthSeconds);

    internal int StartSecond => Start.Hour * 3600 + Start.Minute * 60 + Start.Second;

    internal int LengthSeconds
    {
        get
        {
            var end = End.Hour * 3600 + End.Minute * 60 + End.Second;
            var length = end - StartSecond;
            return length <= 0 ? length + SecondsPerDay : length;
        }
    }

    internal bool IsWholeSeconds => Start.NanosecondOfSecond == 0 && End.NanosecondOfSecond == 0;

    /// <summary>Parses <c>HH:mm-HH:mm</c> (seconds optional, an en dash accepted as the separator).</summary>
    /// <param name="s">The text.</param>
    /// <returns>The range.</returns>
    /// <exception cref="TimeFrameFormatException">The text is not a time range; the exception gives the position.</exception>
    public static TimeRange Parse(ReadOnlySpan<char> s) =>
        TryParseCore(s, out var result, out var error, out var position)
            ? result
            : throw new TimeFrameFormatException(error!, s.ToString(), position);

    /// <summary>Tries to parse <c>HH:mm-HH:mm</c>; never throws on bad input.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The range, when parsing succeeded.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a time range.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out TimeRange result) => TryParseCore(s, out result, out _, out _);

    /// <inheritdoc/>
    static TimeRange ISpanParsable<TimeRange>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc/>
    static bool ISpanParsable<TimeRange>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out TimeRange result) => TryParse(s, out result);

    /// <inheritdoc/>
    static TimeRange IParsable<TimeRange>.Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan());
    }

    /// <inheritdoc/>
    static bool IParsable<TimeRange>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out TimeRange result)
    {
        result = default;
        return s is not null && TryParse(s.AsSpan(), out result);
    }

    /// <summary>Formats the range as <c>HH:mm-HH:mm</c> (with seconds when either end has them).</summary>
    /// <returns>The text form, which <see cref="Parse"/> reads back.</returns>
    public override string ToString()
    {
        var pattern = Start.Second == 0 && End.Second == 0 ? "HH:mm" : "HH:mm:ss";
        return $"{Start.ToString(pattern, CultureInfo.InvariantCulture)}-{End.ToString(pattern, CultureInfo.InvariantCulture)}";
    }

    internal static bool TryParseTime(ReadOnlySpan<char> s, out LocalTime time)
    {
        time = default;
        if (s.Length != 5 && s.Length != 8)
        {
            return false;
        }

        var pattern = s.Length == 5 ? ShortTime : LongTime;
        var parsed = pattern.Parse(s.ToString());
        if (!parsed.Success)
        {
            return false;
        }

        time = parsed.Value;
        return true;
    }

    private static readonly LocalTimePattern ShortTime = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");
    private static readonly LocalTimePattern LongTime = LocalTimePattern.CreateWithInvariantCulture("HH':'mm':'ss");

    private static bool TryParseCore(ReadOnlySpan<char> s, out TimeRange result, out string? error, out int position)
    {
        result = default;
        var dash = s.IndexOfAny('-', '\u2013');
        if (dash < 0)
        {
            error = "Expected a time range such as 08:00-17:00: no '-' between the start and the end.";
            position = s.Length;
            return false;
        }

        var startText = s[..dash].Trim();
        var endText = s[(dash + 1)..].Trim();
        if (!TryParseTime(startText, out var start))
        {
            error = "The start is not a time of day in HH:mm or HH:mm:ss form.";
            position = 0;
            return false;
        }

        if (!TryParseTime(endText, out var end))
        {
            error = "The end is not a time of day in HH:mm or HH:mm:ss form.";
            position = dash + 1;
            return false;
        }

        result = new TimeRange(start, end);
        error = null;
        position = 0;
        return true;
    }
}
