namespace K7.Routing;

/// <summary>
/// Text given to a routing parser (a phone number typed into an allow or block list, a CSV cell) is not in the expected form.
/// </summary>
/// <remarks>
/// <see cref="Position"/> is a zero-based offset into the text that failed; <see cref="Line"/> and
/// <see cref="Field"/> locate that text in a larger document, such as the line and column of a CSV file or the path of a
/// JSON value, when there is one. The message is used as given: the code that throws words the place for people.
/// </remarks>
public sealed class RoutingFormatException : FormatException
{
    /// <summary>Initializes a new instance of the <see cref="RoutingFormatException"/> class.</summary>
    public RoutingFormatException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RoutingFormatException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    public RoutingFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RoutingFormatException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The error that caused this one.</param>
    public RoutingFormatException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RoutingFormatException"/> class for a problem at a known place.</summary>
    /// <param name="message">What is wrong, and where in words, such as <c>Line 3, column 'Number': too short (position 6)</c>.</param>
    /// <param name="line">The one-based line of the document where the problem is (the header of a CSV file is line 1), or <see langword="null"/> when the text is not part of a document.</param>
    /// <param name="field">The name of the field that holds the text (the CSV column as its header names it, or the path of a JSON value), or <see langword="null"/>.</param>
    /// <param name="position">The zero-based offset of the problem in the text that was parsed: a character offset (in the CSV cell, or in the phone number), or the offset a document reader counts.</param>
    /// <param name="innerException">The error that caused this one, if any.</param>
    public RoutingFormatException(string message, long? line, string? field, long position, Exception? innerException = null)
        : base(message, innerException)
    {
        Line = line;
        Field = field;
        Position = position;
    }

    /// <summary>Gets the one-based line of the problem (the header of a CSV file is line 1), when the text is part of a document.</summary>
    public long? Line { get; }

    /// <summary>Gets the name of the field that holds the text (the CSV column as its header names it, or the path of a JSON value), when known.</summary>
    public string? Field { get; }

    /// <summary>Gets the zero-based offset of the problem in the text that was parsed (a character offset in a CSV cell or a phone number, or the offset a document reader counts), or 0 when not known.</summary>
    public long Position { get; }
}
