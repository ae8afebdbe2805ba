namespace K7.Routing;

/// <summary>What <see cref="NumberListCsv.Import"/> read from a CSV file.</summary>
public sealed class NumberListImportResult
{
    internal NumberListImportResult(NumberList allowed, NumberList blocked, IReadOnlyList<NumberListImportError> skipped)
    {
        Allowed = allowed;
        Blocked = blocked;
        Skipped = skipped;
    }

    /// <summary>Gets the numbers of the rows whose List is <c>allow</c>, in file order.</summary>
    public NumberList Allowed { get; }

    /// <summary>Gets the numbers of the rows whose List is <c>block</c>, in file order.</summary>
    public NumberList Blocked { get; }

    /// <summary>
    /// Gets the rows that were not imported, in file order: repeated numbers (the first row of a number is kept), and,
    /// when <see cref="NumberListImportOptions.SkipInvalidRows"/> is set, the rows with errors (a row with several bad
    /// cells appears once per cell). Empty when every row was imported.
    /// </summary>
    public IReadOnlyList<NumberListImportError> Skipped { get; }
}
