using System.Text;

namespace K7.Routing;

/// <summary>
/// A CSV file of allow and block list numbers could not be imported. <see cref="Errors"/> lists every problem found,
/// with its line and column, so the file can be fixed in one go.
/// </summary>
/// <remarks>
/// Thrown by <see cref="NumberListCsv.Import"/> for a file that cannot be read at all (empty, without a List or Number
/// column, longer than <see cref="NumberListImportOptions.MaxRows"/>, unreadable CSV) and, unless
/// <see cref="NumberListImportOptions.SkipInvalidRows"/> is set, for a file with any bad row; nothing is imported then.
/// It derives from <see cref="FormatException"/>, as the input is at fault.
/// </remarks>
public sealed class NumberListImportException : FormatException
{
    private const int ErrorsInMessage = 20;

    /// <summary>Initializes a new instance of the <see cref="NumberListImportException"/> class.</summary>
    public NumberListImportException()
    {
        Errors = [];
    }

    /// <summary>Initializes a new instance of the <see cref="NumberListImportException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    public NumberListImportException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Initializes a new instance of the <see cref="NumberListImportException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The error that caused this one.</param>
    public NumberListImportException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Initializes a new instance of the <see cref="NumberListImportException"/> class from the problems found.</summary>
    /// <param name="errors">The problems, in file order; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="errors"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public NumberListImportException(IReadOnlyList<NumberListImportError> errors)
        : this(errors, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NumberListImportException"/> class from the problems found.</summary>
    /// <param name="errors">The problems, in file order; at least one.</param>
    /// <param name="innerException">The error that caused this one, if any (such as the CSV reader's).</param>
    /// <exception cref="ArgumentNullException"><paramref name="errors"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public NumberListImportException(IReadOnlyList<NumberListImportError> errors, Exception? innerException)
        : base(Describe(errors), innerException)
    {
        Errors = [.. errors];
    }

    /// <summary>Gets the problems found, in file order; empty when the exception was created with a message alone.</summary>
    public IReadOnlyList<NumberListImportError> Errors { get; }

    private static string Describe(IReadOnlyList<NumberListImportError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("At least one error is needed.", nameof(errors));
        }

        var text = new StringBuilder("The CSV file was not imported: ")
            .Append(errors.Count == 1 ? "1 problem" : $"{errors.Count} problems")
            .Append(" to fix.");
        for (var i = 0; i < errors.Count && i < ErrorsInMessage; i++)
        {
            text.Append('\n').Append(errors[i]);
        }

        if (errors.Count > ErrorsInMessage)
        {
            text.Append('\n').Append($"... and {errors.Count - ErrorsInMessage} more.");
        }

        return text.ToString();
    }
}
