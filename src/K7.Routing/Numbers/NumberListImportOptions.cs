using System.ComponentModel.DataAnnotations;

namespace K7.Routing;

/// <summary>Options for <see cref="NumberListCsv.Import"/>.</summary>
/// <remarks>Mutable, as options are; do not change an instance while an import that uses it runs.</remarks>
public sealed class NumberListImportOptions
{
    /// <summary>The default of <see cref="MaxRows"/>.</summary>
    public const int DefaultMaxRows = 10_000;

    /// <summary>The default of <see cref="MaxFieldLength"/>.</summary>
    public const int DefaultMaxFieldLength = 256;

    /// <summary>
    /// Gets or sets a value indicating whether rows with errors are skipped (and reported in
    /// <see cref="NumberListImportResult.Skipped"/>) instead of failing the whole import.
    /// </summary>
    /// <value>
    /// <see langword="false"/> (the default): all or nothing; any bad row makes the import throw a
    /// <see cref="NumberListImportException"/> listing every bad row, so the file can be fixed in one go.
    /// </value>
    public bool SkipInvalidRows { get; set; }

    /// <summary>Gets or sets the largest number of data rows (not counting the header and blank rows) a file may have.</summary>
    /// <value>10,000 by default; at least 1. A longer file fails as a whole, even when <see cref="SkipInvalidRows"/> is set.</value>
    [Range(1, int.MaxValue)]
    public int MaxRows { get; set; } = DefaultMaxRows;

    /// <summary>Gets or sets the largest number of characters of a List, Number or Name cell.</summary>
    /// <value>256 by default; at least 1. A longer cell is an error in its row.</value>
    [Range(1, int.MaxValue)]
    public int MaxFieldLength { get; set; } = DefaultMaxFieldLength;
}
