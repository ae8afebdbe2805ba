namespace K7.TimeFrames;

/// <summary>Text given to a time-frame parser (a time range, a JSON document) is not in the expected form.</summary>
public sealed class TimeFrameFormatException : FormatException
{
    /// <summary>Initializes a new instance of the <see cref="TimeFrameFormatException"/> class.</summary>
    public TimeFrameFormatException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TimeFrameFormatException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    public TimeFrameFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TimeFrameFormatException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The error that caused this one.</param>
    public TimeFrameFormatException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TimeFrameFormatException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="text">The text that failed to parse.</param>
    /// <param name="position">The zero-based position in <paramref name="text"/> where the problem is.</param>
    /// <param name="innerException">The error that caused this one, if any.</param>
    public TimeFrameFormatException(string message, string text, long position, Exception? innerException = null)
        : base($"{message} (at position {position}{Excerpt(text, position)})", innerException)
    {
        Text = text;
        Position = position;
    }

    private static string Excerpt(string? text, long position)
    {
        const int Around = 24;
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (text.Length <= 2 * Around)
        {
            return $" of '{text}'";
        }

        var start = (int)Math.Clamp(position - Around, 0, text.Length);
        var end = (int)Math.Clamp(position + Around, start, text.Length);
        return $", near '{(start > 0 ? "…" : string.Empty)}{text[start..end]}{(end < text.Length ? "…" : string.Empty)}'";
    }

    /// <summary>Gets the text that failed to parse, if known.</summary>
    public string? Text { get; }

    /// <summary>Gets the zero-based position (a character offset, or a byte offset for JSON) of the problem.</summary>
    public long Position { get; }

    /// <summary>Gets the JSON path of the problem, when the input was JSON.</summary>
    public string? Path { get; init; }

    /// <summary>Gets the one-based line of the problem, when known.</summary>
    public long? Line { get; init; }
}
