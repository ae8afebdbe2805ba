using K7.Contacts.Formats;

namespace K7.Contacts;

/// <summary>
/// A contact file (CSV or vCard) or a value in it is not in a form that can be read: the message says what is wrong,
/// and <see cref="Line"/>, <see cref="Column"/> and <see cref="Field"/> say where.
/// </summary>
public sealed class ContactFormatException : FormatException
{
    /// <summary>Initializes a new instance of the <see cref="ContactFormatException"/> class.</summary>
    public ContactFormatException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ContactFormatException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    public ContactFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ContactFormatException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The error that caused this one.</param>
    public ContactFormatException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ContactFormatException"/> class for a problem at a known place.</summary>
    /// <param name="message">What is wrong, and where in words.</param>
    /// <param name="line">The one-based line of the problem in the file, or 0 when not known.</param>
    /// <param name="column">The one-based column (a CSV column number, or a character position), or 0 when not known.</param>
    /// <param name="field">The column header or vCard property that holds the problem, or <see langword="null"/>.</param>
    /// <param name="innerException">The error that caused this one, if any.</param>
    public ContactFormatException(string message, int line, int column = 0, string? field = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Line = line;
        Column = column;
        Field = field;
    }

    /// <summary>Initializes a new instance of the <see cref="ContactFormatException"/> class for an import refused because of the problems listed.</summary>
    /// <param name="message">A summary.</param>
    /// <param name="errors">Every problem found, in file order; the first gives <see cref="Line"/>, <see cref="Column"/> and <see cref="Field"/>.</param>
    public ContactFormatException(string message, IReadOnlyList<ContactFileError> errors)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(errors);
        Errors = errors;
        if (errors.Count > 0)
        {
            Line = errors[0].Line;
            Column = errors[0].Column;
            Field = errors[0].Field;
        }
    }

    /// <summary>Gets every problem found when an import was refused because of problems in rows; empty otherwise.</summary>
    public IReadOnlyList<ContactFileError> Errors { get; } = [];

    /// <summary>Gets the one-based line of the problem, or 0 when not known.</summary>
    public int Line { get; }

    /// <summary>Gets the one-based column of the problem (a CSV column number, or a character position), or 0 when not known.</summary>
    public int Column { get; }

    /// <summary>Gets the column header or vCard property that holds the problem, when known.</summary>
    public string? Field { get; }
}
