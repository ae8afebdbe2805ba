namespace K7.Contacts.Formats;

/// <summary>A problem with one value or row of a contact file.</summary>
/// <param name="Line">The one-based line.</param>
/// <param name="Column">The one-based CSV column number, or 0 when the whole row or card is concerned.</param>
/// <param name="Field">The column header or vCard property, or <see langword="null"/> when the whole row is concerned.</param>
/// <param name="Message">What is wrong, in words a user can act on.</param>
public sealed record ContactFileError(int Line, int Column, string? Field, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => Field is null
        ? $"line {Line}: {Message}"
        : $"line {Line}, column {Column} ({Field}): {Message}";
}
