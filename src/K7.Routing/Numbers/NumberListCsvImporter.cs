using System.Buffers;
using System.Globalization;
using CsvHelper;

namespace K7.Routing;

/// <summary>One run of <see cref="NumberListCsv.Import"/>: reads the file and collects the entries, errors and skipped rows.</summary>
internal sealed class NumberListCsvImporter
{
    private const int MaxValueInError = 80;

    private static readonly string[] ListNames = ["List", "Type"];
    private static readonly string[] NumberNames = ["Number", "Phone", "Phone Number"];
    private static readonly string[] NameNames = ["Name", "Label"];
    private static readonly SearchValues<char> MantissaCharacters = SearchValues.Create("0123456789.,");

    private readonly PhoneNumberCanonicalizer _numbers;
    private readonly bool _skipInvalidRows;
    private readonly int _maxRows;
    private readonly int _maxFieldLength;
    private readonly List<NumberListEntry> _allowed = [];
    private readonly List<NumberListEntry> _blocked = [];
    private readonly List<NumberListImportError> _errors = [];
    private readonly List<NumberListImportError> _skipped = [];
    private readonly Dictionary<ulong, (long Line, bool Allow)> _seen = [];
    private readonly Dictionary<long, CsvMalformedReason> _malformed = [];

    private int _listColumn = -1;
    private int _numberColumn = -1;
    private int _nameColumn = -1;
    private string[] _headers = [];

    public NumberListCsvImporter(PhoneNumberCanonicalizer numbers, bool skipInvalidRows, int maxRows, int maxFieldLength)
    {
        _numbers = numbers;
        _skipInvalidRows = skipInvalidRows;
        _maxRows = maxRows;
        _maxFieldLength = maxFieldLength;
    }

    public NumberListImportResult Import(TextReader input)
    {
        // Cells are at most _maxFieldLength characters (up to 4 UTF-8 bytes each); the limit only guards against
        // hostile input, such as a quote that is never closed at the start of a huge file.
        var maxRecordBytes = (int)Math.Min(int.MaxValue / 2, Math.Max(64L * 1024, 16L * _maxFieldLength * 4));
        var options = CsvReaderOptions.Default with
        {
            Separator = null,
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            AllowLineBreaksInQuotes = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MaxRecordSize = maxRecordBytes,
            OnMalformedRecord = record => _malformed.TryAdd(record.LineNumber, record.Reason),
        };

        using var csv = CsvReader.Create(input, options, leaveOpen: true);
        long line = 1;
        try
        {
            ReadHeader(csv);
            var rows = 0;
            while (csv.Read())
            {
                line = csv.LineNumber;
                if (IsBlank(csv))
                {
                    continue;
                }

                if (++rows > _maxRows)
                {
                    throw Fatal(line, null, null, string.Create(CultureInfo.InvariantCulture, $"the file has more than {_maxRows:N0} rows; split it into smaller files."));
                }

                ReadRow(csv, line);
            }
        }
        catch (CsvFormatException ex)
        {
            var at = ex.LineNumber > 0 ? ex.LineNumber : line;
            var reason = ex.Message.Contains("MaxRecordSize", StringComparison.Ordinal)
                ? string.Create(CultureInfo.InvariantCulture, $"the CSV cannot be read: a row is longer than {maxRecordBytes / 1024:N0} KB. Is a double quote (\") never closed?")
                : $"the CSV cannot be read: {ex.Message}";
            throw new NumberListImportException([new NumberListImportError(at, null, null, reason)], ex);
        }

        if (_errors.Count > 0 && !_skipInvalidRows)
        {
            throw new NumberListImportException(_errors);
        }

        var skipped = _skipInvalidRows ? Merge(_errors, _skipped) : _skipped;
        return new NumberListImportResult(NumberList.Create(_allowed), NumberList.Create(_blocked), skipped);
    }

    private static bool IsBlank(CsvReader csv)
    {
        for (var i = 0; i < csv.FieldCount; i++)
        {
            if (!string.IsNullOrWhiteSpace(csv.GetString(i)))
            {
                return false;
            }
        }

        return true;
    }

    private static List<NumberListImportError> Merge(List<NumberListImportError> errors, List<NumberListImportError> skipped)
    {
        var all = new List<NumberListImportError>(errors.Count + skipped.Count);
        all.AddRange(errors);
        all.AddRange(skipped);

        // OrderBy is stable: the errors of one line keep their column order.
        return [.. all.OrderBy(error => error.Line)];
    }

    private static string Cut(string value) =>
        value.Length <= MaxValueInError ? value : string.Concat(value.AsSpan(0, MaxValueInError), "…");

    private static NumberListImportException Fatal(long line, string? column, string? value, string reason) =>
        new([new NumberListImportError(line, column, value, reason)]);

    private static bool Matches(string header, string[] names)
    {
        foreach (var name in names)
        {
            if (header.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string DescribeMalformed(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a double quote (\") inside a field that does not start with one; enclose the field in double quotes and double the quote (\"\")",
        CsvMalformedReason.TextAfterClosingQuote => "text after the closing double quote of a field; a quote inside a quoted field is written twice (\"\")",
        CsvMalformedReason.UnterminatedQuote => "a double quote (\") opens a field that is never closed, so the rest of the file was read into it",
        _ => "the row is not valid CSV",
    };

    private void ReadHeader(CsvReader csv)
    {
        _headers = [.. csv.Headers.Select(h => h.Trim().TrimStart('\uFEFF').Trim())];
        if (_headers.All(h => h.Length == 0))
        {
            throw Fatal(1, null, null, $"the file is empty; the first line must be the header {string.Join(',', NumberListCsv.Header)} (download the template).");
        }

        if (_malformed.TryGetValue(1, out var malformed))
        {
            throw Fatal(1, null, Cut(string.Join(',', csv.Headers)), $"the header row is not valid CSV: {DescribeMalformed(malformed)}.");
        }

        var problems = new List<NumberListImportError>();
        for (var i = 0; i < _headers.Length; i++)
        {
            var header = _headers[i];
            var kind = Matches(header, ListNames) ? 0 : Matches(header, NumberNames) ? 1 : Matches(header, NameNames) ? 2 : -1;
            if (kind < 0)
            {
                continue;
            }

            var existing = kind switch { 0 => _listColumn, 1 => _numberColumn, _ => _nameColumn };
            if (existing >= 0)
            {
                problems.Add(new NumberListImportError(1, header, header, $"columns '{_headers[existing]}' and '{header}' mean the same; keep one."));
                continue;
            }

            _ = kind switch
            {
                0 => _listColumn = i,
                1 => _numberColumn = i,
                _ => _nameColumn = i,
            };
        }

        var looksLikeData = _headers.Length > 0 && (Matches(_headers[0], ["allow", "allowed", "block", "blocked"]) || _headers.Any(h => h.Length > 0 && (h[0] == '+' || char.IsAsciiDigit(h[0]))));
        var hint = looksLikeData
            ? $"; the first line looks like data, but it must be the header {string.Join(',', NumberListCsv.Header)}"
            : $"; the header must name it, as in {string.Join(',', NumberListCsv.Header)}";
        if (_listColumn < 0)
        {
            problems.Add(new NumberListImportError(1, "List", null, $"no 'List' column (allow or block){hint}."));
        }

        if (_numberColumn < 0)
        {
            problems.Add(new NumberListImportError(1, "Number", null, $"no 'Number' column{hint}."));
        }

        if (problems.Count > 0)
        {
            throw new NumberListImportException(problems);
        }
    }

    private void ReadRow(CsvReader csv, long line)
    {
        if (_malformed.Remove(line, out var malformed))
        {
            Error(line, null, Cut(csv.Current.ToString()), DescribeMalformed(malformed) + ".");
            return;
        }

        var fields = csv.FieldCount;
        if (fields < _headers.Length)
        {
            Error(line, null, Cut(csv.Current.ToString()), $"{fields} {(fields == 1 ? "field" : "fields")} where the header has {_headers.Length}; every row needs a cell for each column (it may be empty).");
            return;
        }

        for (var i = _headers.Length; i < fields; i++)
        {
            if (!string.IsNullOrWhiteSpace(csv.GetString(i)))
            {
                Error(line, null, Cut(csv.Current.ToString()), $"{fields} fields where the header has {_headers.Length}; if a name contains a comma, enclose it in double quotes.");
                return;
            }
        }

        var errors = _errors.Count;
        var listCell = Cell(csv, _listColumn, line);
        var numberCell = Cell(csv, _numberColumn, line);
        var nameText = _nameColumn >= 0 ? Cell(csv, _nameColumn, line) : null;
        if (listCell is not { } listText || numberCell is not { } numberText || _errors.Count > errors)
        {
            return;
        }

        var allow = false;
        var list = listText.AsSpan().Trim();
        list = NumberListCsv.UnprotectFromFormula(list).Trim();
        if (list.Equals("allow", StringComparison.OrdinalIgnoreCase) || list.Equals("allowed", StringComparison.OrdinalIgnoreCase))
        {
            allow = true;
        }
        else if (!list.Equals("block", StringComparison.OrdinalIgnoreCase) && !list.Equals("blocked", StringComparison.OrdinalIgnoreCase))
        {
            Error(line, _headers[_listColumn], Cut(listText), list.IsEmpty ? "empty; write allow or block." : $"'{Cut(list.ToString())}' is not a list; write allow or block.");
        }

        var key = ParseNumber(numberText, line);
        if (_errors.Count > errors)
        {
            return;
        }

        if (_seen.TryGetValue(key.Value, out var first))
        {
            if (first.Allow == allow)
            {
                _skipped.Add(new NumberListImportError(line, _headers[_numberColumn], Cut(numberText), $"{key} repeats line {first.Line}; the first row is kept."));
            }
            else
            {
                Error(line, _headers[_numberColumn], Cut(numberText), $"{key} is already on the {(first.Allow ? "allow" : "block")} list (line {first.Line}); a number can be on one list only.");
            }

            return;
        }

        _seen.Add(key.Value, (line, allow));
        var name = nameText is null ? null : NumberListCsv.UnprotectFromFormula(nameText.AsSpan().Trim()).ToString();
        (allow ? _allowed : _blocked).Add(new NumberListEntry(key, name));
    }

    private string? Cell(CsvReader csv, int column, long line)
    {
        var value = csv.GetString(column);
        if (value.Length > _maxFieldLength)
        {
            Error(line, _headers[column], Cut(value), $"longer than {_maxFieldLength} characters ({value.Length}).");
            return null;
        }

        return value;
    }

    private PhoneNumberKey ParseNumber(string cell, long line)
    {
        var column = _headers[_numberColumn];
        var text = cell.AsSpan();
        var offset = 0;
        var trimmed = text.TrimStart();
        var unprotected = NumberListCsv.UnprotectFromFormula(trimmed);
        if (unprotected.Length != trimmed.Length)
        {
            offset = text.Length - unprotected.Length;
            text = unprotected;
        }

        if (text.Trim().IsEmpty)
        {
            Error(line, column, Cut(cell), "empty; write a phone number such as +15551231111.");
            return default;
        }

        if (_numbers.TryParseCore(text, out var key, out var failure))
        {
            return key;
        }

        var reason = LooksLikeScientificNotation(text)
            ? "a spreadsheet turned the number into scientific notation (such as 1.55512E+10); format the column as text and type the number again."
            : $"not a phone number: {failure with { Position = failure.Position + offset }}.";
        Error(line, column, Cut(cell), reason);
        return default;
    }

    /// <summary>Whether the text is a number in scientific notation, as a spreadsheet shows a long number: 1.55512E+10.</summary>
    private static bool LooksLikeScientificNotation(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        var e = text.IndexOfAny('E', 'e');
        if (e <= 0 || e == text.Length - 1)
        {
            return false;
        }

        var mantissa = text[..e];
        var exponent = text[(e + 1)..];
        if (exponent[0] is '+' or '-')
        {
            exponent = exponent[1..];
        }

        return !exponent.IsEmpty
            && !exponent.ContainsAnyExceptInRange('0', '9')
            && char.IsAsciiDigit(mantissa[0])
            && !mantissa.ContainsAnyExcept(MantissaCharacters);
    }

    private void Error(long line, string? column, string? value, string reason) =>
        _errors.Add(new NumberListImportError(line, column, value, reason));
}
