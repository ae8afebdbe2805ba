namespace K7.Routing;

/// <summary>A row of a CSV file that was not imported, and why: a bad cell, a malformed row, or a duplicate number.</summary>
/// <param name="Line">The one-based line of the file where the row starts; the header is line 1.</param>
/// <param name="Column">The column at fault as the file's header names it (such as <c>Number</c> or <c>Phone</c>), or <see langword="null"/> when the problem is the whole row or file.</param>
/// <param name="Value">The offending cell (or, for a malformed row, the row) as it appears in the file, cut to 80 characters; <see langword="null"/> when there is none.</param>
/// <param name="Reason">What is wrong, in words for the person who wrote the file.</param>
public sealed record NumberListImportError(long Line, string? Column, string? Value, string Reason)
{
    /// <summary>Returns the error as one line for people, such as <c>Line 3, column 'Number': too short (position 6)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        Column is null ? $"Line {Line}: {Reason}" : $"Line {Line}, column '{Column}': {Reason}";
}
