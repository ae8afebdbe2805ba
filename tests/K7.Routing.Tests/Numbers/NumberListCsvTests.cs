using System.Globalization;
using FsCheck.Xunit;

namespace K7.Routing.Tests.NumbersAndLists;

public sealed class NumberListCsvTests
{
    private static readonly PhoneNumberCanonicalizer Us = new("US");

    [Fact]
    public void Template_HasHeaderAndOneExamplePerList()
    {
        Assert.Equal("List,Number,Name\r\nallow,+15551230000,Front desk\r\nblock,5551231111,Spam\r\n", NumberListCsv.Template);
    }

    [Fact]
    public void Import_Template_ImportsCleanly()
    {
        var result = Import(NumberListCsv.Template);

        Assert.Equal([new NumberListEntry(new PhoneNumberKey(15551230000), "Front desk")], result.Allowed.Entries);
        Assert.Equal([new NumberListEntry(new PhoneNumberKey(15551231111), "Spam")], result.Blocked.Entries);
        Assert.Empty(result.Skipped);
    }

    [Fact]
    public void Import_HeaderOnly_GivesEmptyLists()
    {
        var result = Import("List,Number,Name\r\n");

        Assert.Same(NumberList.Empty, result.Allowed);
        Assert.Same(NumberList.Empty, result.Blocked);
    }

    [Fact]
    public void Import_ColumnsInAnyOrderWithSynonyms_AreFoundByName()
    {
        var result = Import("Notes, label ,PHONE,Type\nignored,Mom,(555) 123-4567,Allowed\nx,,555.987.6543,BLOCK\n");

        Assert.Equal([new NumberListEntry(new PhoneNumberKey(15551234567), "Mom")], result.Allowed.Entries);
        Assert.Equal([new NumberListEntry(new PhoneNumberKey(15559876543))], result.Blocked.Entries);
    }

    [Fact]
    public void Import_WithoutNameColumn_Works()
    {
        var result = Import("Number,List\n+15551231111,block\n");

        Assert.True(result.Blocked.Contains(new PhoneNumberKey(15551231111)));
        Assert.Null(result.Blocked.Entries[0].Name);
    }

    [Fact]
    public void Import_WhitespaceBomAndTrailingEmptyColumns_AreTolerated()
    {
        var result = Import("\uFEFFList,Number,Name,,\r\n  allow , +1 555 123 0000 ,  Front desk  ,,\r\n,,,,\r\n\r\nblock,5551231111,,,\r\n");

        Assert.Equal([new NumberListEntry(new PhoneNumberKey(15551230000), "Front desk")], result.Allowed.Entries);
        Assert.Equal([new NumberListEntry(new PhoneNumberKey(15551231111))], result.Blocked.Entries);
        Assert.Empty(result.Skipped);
    }

    [Fact]
    public void Import_SemicolonSeparatedFile_IsDetected()
    {
        var result = Import("List;Number;Name\nallow;+15551230000;Smith, John\n");

        Assert.Equal("Smith, John", result.Allowed.Entries[0].Name);
    }

    [Fact]
    public void Import_QuotedNameWithLineBreak_KeepsLineNumbersOfLaterRows()
    {
        var ex = Assert.Throws<NumberListImportException>(() => Import("List,Number,Name\nallow,+15551230000,\"two\nlines\"\n\nblock,12,x\n"));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(5, error.Line);
        Assert.Equal("Number", error.Column);
    }

    [Fact]
    public void Import_EmptyFile_Fails()
    {
        var ex = Assert.Throws<NumberListImportException>(() => Import(string.Empty));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(1, error.Line);
        Assert.Contains("empty", error.Reason, StringComparison.Ordinal);
        Assert.Contains("List,Number,Name", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MissingNumberColumn_NamesIt()
    {
        var ex = Assert.Throws<NumberListImportException>(() => Import("List,Name\nallow,x\n", skip: true));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(1, error.Line);
        Assert.Equal("Number", error.Column);
        Assert.Contains("no 'Number' column", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_NoHeader_ReportsBothColumnsAndSaysFirstLineIsData()
    {
        var ex = Assert.Throws<NumberListImportException>(() => Import("allow,+15551230000,Front desk\n"));

        Assert.Equal(["List", "Number"], ex.Errors.Select(e => e.Column));
        Assert.All(ex.Errors, e => Assert.Contains("looks like data", e.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Import_TwoNumberColumns_IsAnError()
    {
        var ex = Assert.Throws<NumberListImportException>(() => Import("List,Number,Phone\nallow,+15551230000,+15551230001\n"));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("Phone", error.Column);
        Assert.Contains("'Number' and 'Phone'", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("maybe,+15551231111,x", "List", "'maybe' is not a list")]
    [InlineData(",+15551231111,x", "List", "empty")]
    [InlineData("allow,555-12,x", "Number", "too short (position 6)")]
    [InlineData("allow,,x", "Number", "empty")]
    [InlineData("allow,+999 555 1234,x", "Number", "invalid country code (position 1)")]
    [InlineData("allow,555-123-11x1,x", "Number", "unexpected character 'x'")]
    [InlineData("allow,1.55512E+10,x", "Number", "scientific notation")]
    [InlineData("allow,+15551231111,x,extra", null, "4 fields where the header has 3")]
    [InlineData("allow,+15551231111", null, "2 fields where the header has 3")]
    [InlineData("allow,\"+15551231111\"x,y", null, "after the closing double quote")]
    [InlineData("allow,+1555\"1231111,y", null, "double quote (\") inside a field")]
    [InlineData("allow,\"+15551231111,y", null, "never closed")]
    public void Import_BadRow_ReportsLineColumnAndReason(string row, string? column, string reason)
    {
        var csv = $"List,Number,Name\r\nblock,+15559990000,ok\r\n{row}\r\n";

        var ex = Assert.Throws<NumberListImportException>(() => Import(csv));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Contains($"Line 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_RowWithSeveralBadCells_ReportsEachCell()
    {
        var ex = Assert.Throws<NumberListImportException>(() => Import("List,Number,Name\nmaybe,12,x\n"));

        Assert.Equal(["List", "Number"], ex.Errors.Select(e => e.Column));
        Assert.All(ex.Errors, e => Assert.Equal(2, e.Line));
    }

    [Fact]
    public void Import_AllOrNothing_ReportsEveryBadRowAndImportsNothing()
    {
        const string Csv = "List,Number,Name\nallow,+15551230000,good\nallow,555-12,bad\nblock,+15551230001,good\nmaybe,+15551230002,bad\n";

        var ex = Assert.Throws<NumberListImportException>(() => Import(Csv));

        Assert.Equal([(3L, "Number"), (5L, "List")], ex.Errors.Select(e => (e.Line, e.Column!)));
        Assert.Equal(["555-12", "maybe"], ex.Errors.Select(e => e.Value));
        Assert.StartsWith("The CSV file was not imported: 2 problems to fix.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_SkipInvalidRows_ImportsGoodRowsAndReportsEachSkippedRow()
    {
        const string Csv = "List,Number,Name\nallow,+15551230000,good\nallow,555-12,bad\nblock,+15551230001,good\nmaybe,+15551230002,bad\nallow,+15551230000,again\n";

        var result = Import(Csv, skip: true);

        Assert.Equal([new PhoneNumberKey(15551230000)], result.Allowed.Entries.Select(e => e.Number));
        Assert.Equal([new PhoneNumberKey(15551230001)], result.Blocked.Entries.Select(e => e.Number));
        Assert.Equal([3L, 5L, 6L], result.Skipped.Select(e => e.Line));
        Assert.Equal(["Number", "List", "Number"], result.Skipped.Select(e => e.Column));
        Assert.Contains("too short", result.Skipped[0].Reason, StringComparison.Ordinal);
        Assert.Contains("repeats line 2", result.Skipped[2].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_DuplicateOnSameList_KeepsFirstAndReportsOthers()
    {
        var result = Import("List,Number,Name\nblock,5551231111,first\nblock,+1 (555) 123-1111,second\nBLOCK,15551231111,third\n");

        var entry = Assert.Single(result.Blocked.Entries);
        Assert.Equal("first", entry.Name);
        Assert.Equal([3L, 4L], result.Skipped.Select(e => e.Line));
        Assert.All(result.Skipped, e => Assert.Contains("+15551231111 repeats line 2; the first row is kept", e.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Import_NumberOnBothLists_IsAnErrorOnTheLaterRow()
    {
        var ex = Assert.Throws<NumberListImportException>(() => Import("List,Number,Name\nallow,5551231111,a\nblock,+15551231111,b\n"));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal("Number", error.Column);
        Assert.Contains("already on the allow list (line 2)", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_TooManyRows_FailsEvenWhenSkipping()
    {
        var csv = "List,Number\n" + string.Concat(Enumerable.Range(0, 4).Select(i => $"allow,+1555123000{i}\n"));

        var ex = Assert.Throws<NumberListImportException>(() => Import(csv, skip: true, maxRows: 3));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(5, error.Line);
        Assert.Contains("more than 3 rows", error.Reason, StringComparison.Ordinal);
        Assert.Equal(4, Import(csv, maxRows: 4).Allowed.Count);
    }

    [Fact]
    public void Import_BlankRows_DoNotCountAsRows()
    {
        var result = Import("List,Number\nallow,+15551230000\n,\n\n , \nallow,+15551230001\n", maxRows: 2);

        Assert.Equal(2, result.Allowed.Count);
    }

    [Fact]
    public void Import_CellLongerThanLimit_IsAnError()
    {
        var csv = $"List,Number,Name\nallow,+15551230000,{new string('x', 257)}\nallow,+15551230001,{new string('y', 256)}\n";

        var ex = Assert.Throws<NumberListImportException>(() => Import(csv));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(2, error.Line);
        Assert.Equal("Name", error.Column);
        Assert.Contains("longer than 256 characters (257)", error.Reason, StringComparison.Ordinal);
        Assert.Equal(81, error.Value!.Length);
    }

    [Fact]
    public void Import_HugeUnclosedQuote_FailsWithLine()
    {
        var csv = "List,Number,Name\nallow,+15551230000,ok\nallow,+15551230001,\"" + new string('x', 200_000) + "\n";

        var ex = Assert.Throws<NumberListImportException>(() => Import(csv, skip: true));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Import_InvalidOptions_Throw()
    {
        Assert.Throws<ArgumentException>(() => NumberListCsv.Import(new StringReader(NumberListCsv.Template), Us, new NumberListImportOptions { MaxRows = 0 }));
        Assert.Throws<ArgumentException>(() => NumberListCsv.Import(new StringReader(NumberListCsv.Template), Us, new NumberListImportOptions { MaxFieldLength = 0 }));
        Assert.Throws<ArgumentNullException>(() => NumberListCsv.Import(null!, Us));
        Assert.Throws<ArgumentNullException>(() => NumberListCsv.Import(new StringReader(string.Empty), null!));
    }

    [Fact]
    public void Export_WritesTemplateColumnsInE164()
    {
        var allowed = NumberList.Create([new(new PhoneNumberKey(15551230000), "Front desk"), new(new PhoneNumberKey(442079460958))]);
        var blocked = NumberList.Create([new(new PhoneNumberKey(15551231111), "Spam, \"bad\"")]);

        var csv = NumberListCsv.Export(allowed, blocked);

        Assert.Equal(
            "List,Number,Name\r\nallow,+15551230000,Front desk\r\nallow,+442079460958,\r\nblock,+15551231111,\"Spam, \"\"bad\"\"\"\r\n",
            csv);
    }

    [Fact]
    public void Export_ToWriter_LeavesWriterOpen()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);

        NumberListCsv.Export(writer, NumberList.Empty, NumberList.Empty);
        writer.Write("more");

        Assert.Equal("List,Number,Name\r\nmore", writer.ToString());
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"\"http://evil\"\")")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("'=already", "''=already")]
    [InlineData("'quoted", "'quoted")]
    [InlineData("Front desk", "Front desk")]
    public void Export_FormulaName_IsNeutralizedAndImportsBack(string name, string cell)
    {
        var blocked = NumberList.Create([new(new PhoneNumberKey(15551231111), name)]);

        var csv = NumberListCsv.Export(NumberList.Empty, blocked);

        var row = csv.Split("\r\n")[1];
        Assert.Equal(cell.Contains('"', StringComparison.Ordinal) ? $"block,+15551231111,\"{cell}\"" : $"block,+15551231111,{cell}", row);
        Assert.Equal(blocked, Import(csv).Blocked);
    }

    [Fact]
    public void Import_ApostropheBeforeNumber_IsAccepted()
    {
        var result = Import("List,Number\nallow,'+15551230000\n");

        Assert.True(result.Allowed.Contains(new PhoneNumberKey(15551230000)));
    }

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(NumberGenerators) })]
    public void ExportThenImport_AnyLists_IsLossless(ListPair x)
    {
        var allowed = NumberList.Create(x.Allowed);
        var blocked = NumberList.Create(x.Blocked);

        var csv = NumberListCsv.Export(allowed, blocked);
        var result = Import(csv);

        Assert.Equal(allowed, result.Allowed);
        Assert.Equal(blocked, result.Blocked);
        Assert.Empty(result.Skipped);
    }

    private static NumberListImportResult Import(string csv, bool skip = false, int maxRows = NumberListImportOptions.DefaultMaxRows) =>
        NumberListCsv.Import(new StringReader(csv), Us, new NumberListImportOptions { SkipInvalidRows = skip, MaxRows = maxRows });
}
