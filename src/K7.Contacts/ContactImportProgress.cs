namespace K7.Contacts;

/// <summary>How far an import has come.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="RowsRead">Rows or cards read so far.</param>
/// <param name="RowsAccepted">Rows accepted so far.</param>
/// <param name="RowsWithProblems">Rows with problems so far (skipped, or refusing the import).</param>
public readonly record struct ContactImportProgress(ContactImportStage Stage, int RowsRead, int RowsAccepted, int RowsWithProblems);
