using System.Globalization;
using CsvHelper;

namespace K7.Routing;

/// <summary>
/// Imports and exports allow and block lists as CSV, the "Import" of the portal's Allow/Block dialog: users download
/// <see cref="Template"/>, fill it in a spreadsheet, and upload it.
/// </summary>
/// <remarks>
/// <para>The file has a header row and one row per number. Columns are found by their header name, in any order and
/// ignoring case and surrounding spaces; other columns are ignored:</para>
/// <list type="table">
/// <listheader><term>Column</term><description>Content</description></listheader>
/// <item><term><c>List</c> (or <c>Type</c>)</term><description>Required. <c>allow</c> or <c>block</c> (also <c>allowed</c>, <c>blocked</c>), in any case.</description></item>
/// <item><term><c>Number</c> (or <c>Phone</c>, <c>Phone Number</c>)</term><description>Required. A phone number, read by
/// <see cref="PhoneNumberCanonicalizer.TryParse(ReadOnlySpan{char}, out PhoneNumberKey, out string?)"/>: E.164 (<c>+15551230000</c>),
/// or national for the canonicalizer's default region (<c>5551231111</c>, <c>(555) 123-1111</c>).</description></item>
/// <item><term><c>Name</c> (or <c>Label</c>)</term><description>Optional. A label for people; may be empty.</description></item>
/// </list>
/// <para>
/// The separator is a comma, or the semicolon, tab or pipe some spreadsheets write, detected from the first lines; an
/// Excel <c>sep=</c> line is honoured. Fields follow RFC 4180 (double quotes around a field with a separator, a quote or
/// a line break; <c>""</c> for a quote). Blank rows, including rows of empty cells, are ignored.
/// </para>
/// <para>Import rules:</para>
/// <list type="bullet">
/// <item><description>Every bad row is reported with its line (the header is line 1), its column and the reason; a row
/// with several bad cells is reported once per cell. A row is bad when a cell is invalid or longer than
/// <see cref="NumberListImportOptions.MaxFieldLength"/>, when it has fewer fields than the header or extra non-empty
/// fields, when its quoting is broken, or when its number is already on the other list earlier in the file.</description></item>
/// <item><description>By default the import is all or nothing: any bad row throws a <see cref="NumberListImportException"/>
/// listing all of them. With <see cref="NumberListImportOptions.SkipInvalidRows"/>, the good rows are imported and the
/// bad ones reported in <see cref="NumberListImportResult.Skipped"/>.</description></item>
/// <item><description>A number repeated on the same list is not an error: the first row is kept and the others are
/// reported in <see cref="NumberListImportResult.Skipped"/>.</description></item>
/// <item><description>An empty file, a missing List or Number column, more than <see cref="NumberListImportOptions.MaxRows"/>
/// rows, or CSV that cannot be read (such as a quote that is never closed swallowing a huge part of the file) fails the
/// whole import with a <see cref="NumberListImportException"/>, whatever the options.</description></item>
/// <item><description>A file with a header and no rows gives two empty lists.</description></item>
/// </list>
/// <para>
/// Spreadsheet formulas: <see cref="Export(TextWriter, NumberList, NumberList)"/> puts an apostrophe before a name that
/// starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return (after any apostrophes), which a
/// spreadsheet would run as a formula (CSV injection); import removes one such apostrophe again, so the round trip is
/// lossless. The Number column is written as plain E.164 (<c>+15551231111</c>): although it starts with <c>+</c>, it is
/// only ever <c>+</c> and digits, which a spreadsheet reads as a number, never as a formula that could run anything.
/// A spreadsheet may show it without the <c>+</c> or in scientific notation, though: format the column as text before
/// editing and saving the file. Import reports a number in scientific notation as such.
/// </para>
/// <para>Input is read synchronously from the reader; a web upload should be read from a buffered stream (an uploaded form file is).</para>
/// </remarks>
public static class NumberListCsv
{
    /// <summary>The header of the template and of exported files.</summary>
    internal static readonly string[] Header = ["List", "Number", "Name"];

    /// <summary>
    /// Gets the CSV template that users download and fill in: the header <c>List,Number,Name</c> and two example rows,
    /// one for each list, <c>allow,+15551230000,Front desk</c> and <c>block,5551231111,Spam</c> (a national number, for a
    /// canonicalizer whose default region is in North America), with CRLF line endings as RFC 4180 specifies.
    /// </summary>
    /// <remarks>Serve it as <c>text/csv</c>. It imports cleanly with a <c>US</c> canonicalizer.</remarks>
    public static string Template { get; } =
        "List,Number,Name\r\n" +
        "allow,+15551230000,Front desk\r\n" +
        "block,5551231111,Spam\r\n";

    /// <summary>Reads allow and block list numbers from a CSV file (see the remarks of <see cref="NumberListCsv"/> for the format and the rules).</summary>
    /// <param name="reader">The CSV text. It is read to the end (unless the import fails early) and not disposed.</param>
    /// <param name="numbers">Reads the numbers; its default region applies to numbers without a country code.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults (all or nothing, 10,000 rows, 256 characters a cell).</param>
    /// <returns>The numbers of each list, in file order, and the rows that were skipped.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="numbers"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> are not valid.</exception>
    /// <exception cref="NumberListImportException">The file cannot be imported; <see cref="NumberListImportException.Errors"/> lists every problem, with its line and column.</exception>
    public static NumberListImportResult Import(TextReader reader, PhoneNumberCanonicalizer numbers, NumberListImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(numbers);
        options ??= new NumberListImportOptions();
        if (options.MaxRows < 1)
        {
            throw new ArgumentException($"MaxRows must be at least 1; it is {options.MaxRows}.", nameof(options));
        }

        if (options.MaxFieldLength < 1)
        {
            throw new ArgumentException($"MaxFieldLength must be at least 1; it is {options.MaxFieldLength}.", nameof(options));
        }

        return new NumberListCsvImporter(numbers, options.SkipInvalidRows, options.MaxRows, options.MaxFieldLength).Import(reader);
    }

    /// <summary>
    /// Writes allow and block lists as CSV in the format of <see cref="Template"/>: the header <c>List,Number,Name</c>,
    /// then the allowed numbers and the blocked numbers, each in list order, numbers in E.164, names protected against
    /// spreadsheet formulas (see the remarks of <see cref="NumberListCsv"/>). <see cref="Import"/> reads the output back
    /// to equal lists, provided no number is on both lists (such a number is written twice, and import rejects the second row).
    /// </summary>
    /// <param name="writer">Receives the CSV text; CRLF line endings. It is flushed, not disposed.</param>
    /// <param name="allowed">The allow list.</param>
    /// <param name="blocked">The block list.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Export(TextWriter writer, NumberList allowed, NumberList blocked)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(allowed);
        ArgumentNullException.ThrowIfNull(blocked);
        using (var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, leaveOpen: true))
        {
            csv.WriteHeader(Header);
            WriteList(csv, "allow", allowed);
            WriteList(csv, "block", blocked);
        }

        writer.Flush();
    }

    /// <summary>Returns allow and block lists as CSV text; see <see cref="Export(TextWriter, NumberList, NumberList)"/>.</summary>
    /// <param name="allowed">The allow list.</param>
    /// <param name="blocked">The block list.</param>
    /// <returns>The CSV text.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static string Export(NumberList allowed, NumberList blocked)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Export(writer, allowed, blocked);
        return writer.ToString();
    }

    /// <summary>Puts an apostrophe before text that a spreadsheet would run as a formula. Undone by <see cref="UnprotectFromFormula"/>.</summary>
    /// <remarks>
    /// A text is protected when, after any apostrophes, it starts with a formula character; so a text that already
    /// starts with an apostrophe and a formula character gets one more, and removing exactly one restores every text.
    /// </remarks>
    internal static string ProtectFromFormula(string text) =>
        NeedsProtection(text.AsSpan().TrimStart('\'')) ? "'" + text : text;

    /// <summary>Removes the apostrophe that <see cref="ProtectFromFormula"/> added, if there is one.</summary>
    internal static ReadOnlySpan<char> UnprotectFromFormula(ReadOnlySpan<char> text) =>
        text.Length > 1 && text[0] == '\'' && NeedsProtection(text.TrimStart('\'')) ? text[1..] : text;

    private static bool NeedsProtection(ReadOnlySpan<char> text) =>
        !text.IsEmpty && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static void WriteList(CsvWriter csv, string list, NumberList numbers)
    {
        Span<char> number = stackalloc char[PhoneNumberKey.MaxDigits + 1];
        foreach (var entry in numbers.Entries)
        {
            csv.WriteField(list);
            entry.Number.TryFormat(number, out var written);
            csv.WriteField(number[..written]);
            csv.WriteField(entry.Name is null ? string.Empty : ProtectFromFormula(entry.Name));
            csv.EndRecord();
        }
    }
}
