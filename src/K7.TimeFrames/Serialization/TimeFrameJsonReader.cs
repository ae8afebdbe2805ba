using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using K7.Json;
using NodaTime;

namespace K7.TimeFrames;

/// <summary>Reads time frames in the JSON format of docs/timeframes-json.md with a <see cref="Utf8JsonReader"/>.</summary>
/// <remarks>
/// <para>Every problem becomes a <see cref="TimeFrameFormatException"/> carrying the JSON path; when the reader owns the
/// whole document (not inside a host's document, through <see cref="TimeFrameJsonConverter"/>) it also carries the
/// byte offset, the line and the document text. Unknown and repeated properties are rejected; properties may come in
/// any order (the <c>kind</c> of a definition or of a company-holiday rule is found by looking ahead).</para>
/// <para>Errors are thrown and caught by the <c>Try</c> methods: a caller that wants the error needs the exception
/// object anyway, and malformed input is the rare case.</para>
/// </remarks>
internal ref struct TimeFrameJsonReader
{
    /// <summary>The reader options of documents read by <see cref="TimeFrameJson"/>: comments allowed and skipped.</summary>
    public static readonly JsonReaderOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    private const string DomainOrUser = "\"domain\" or {\"user\": \"<id>\"}";

    private readonly IDateTimeZoneProvider _zones;
    private readonly List<(string? Name, int Index)> _path = [];
    private readonly ReadOnlySpan<byte> _document;
    private readonly bool _ownsDocument;
    private readonly string? _text;
    private Utf8JsonReader _reader;

    private TimeFrameJsonReader(ReadOnlySpan<byte> document, string? text, IDateTimeZoneProvider zones)
    {
        _zones = zones;
        _document = document;
        _ownsDocument = true;
        _text = text;
        _reader = new Utf8JsonReader(document, DocumentOptions);
    }

    private TimeFrameJsonReader(Utf8JsonReader reader, IDateTimeZoneProvider zones)
    {
        _zones = zones;
        _reader = reader;
    }

    /// <summary>Reads a document that holds one time frame.</summary>
    /// <param name="utf8Json">The document, without a byte order mark.</param>
    /// <param name="text">The document as a string, if the caller has it (for the exception's <see cref="TimeFrameFormatException.Text"/>).</param>
    /// <param name="zones">The time-zone provider.</param>
    public static TimeFrame ReadFrameDocument(ReadOnlySpan<byte> utf8Json, string? text, IDateTimeZoneProvider zones)
    {
        var json = new TimeFrameJsonReader(utf8Json, text, zones);
        try
        {
            json.Next();
            var frame = json.ReadFrame();
            json.ReadEndOfDocument();
            return frame;
        }
        catch (JsonException ex)
        {
            throw json.Malformed(ex);
        }
    }

    /// <summary>Reads a document that holds a JSON array of time frames.</summary>
    /// <param name="utf8Json">The document, without a byte order mark.</param>
    /// <param name="text">The document as a string, if the caller has it.</param>
    /// <param name="zones">The time-zone provider.</param>
    public static List<TimeFrame> ReadListDocument(ReadOnlySpan<byte> utf8Json, string? text, IDateTimeZoneProvider zones)
    {
        var json = new TimeFrameJsonReader(utf8Json, text, zones);
        try
        {
            json.Next();
            json.Expect(JsonTokenType.StartArray, "an array of time frames");
            var frames = new List<TimeFrame>();
            for (var i = 0; json.NextElement(i); i++)
            {
                frames.Add(json.ReadFrame());
                json.Pop();
            }

            json.ReadEndOfDocument();
            return frames;
        }
        catch (JsonException ex)
        {
            throw json.Malformed(ex);
        }
    }

    /// <summary>Reads one time frame inside a host's document: <paramref name="reader"/> is on its first token and is
    /// left on its last one; when reading fails, on the token where the problem was found, so that the host reports
    /// that position.</summary>
    public static TimeFrame ReadValue(ref Utf8JsonReader reader, IDateTimeZoneProvider zones)
    {
        var json = new TimeFrameJsonReader(reader, zones);
        try
        {
            return json.ReadFrame();
        }
        finally
        {
            reader = json._reader;
        }
    }

    private TimeFrame ReadFrame()
    {
        var start = Expect(JsonTokenType.StartObject, "a time frame object");
        var properties = TimeFrameJsonProperties.Frame;
        string? name = null;
        TimeFrameOwner owner = default;
        DateTimeZone? zone = null;
        TimeFrameDefinition? definition = null;
        var seen = 0;
        while (NextProperty(properties, ref seen, out var property))
        {
            switch (property)
            {
                case 0:
                    name = ReadString("the name as a string");
                    break;
                case 1:
                    owner = ReadOwner();
                    break;
                case 2:
                    zone = ReadZone();
                    break;
                default:
                    definition = ReadDefinition();
                    break;
            }

            Pop();
        }

        Require(properties, seen, 0b1111, start);
        try
        {
            return new TimeFrame(name!, owner, zone!, definition!);
        }
        catch (TimeFrameValidationException ex)
        {
            throw Invalid(ex.Field, ex.Reason, ex, start);
        }
        catch (ArgumentException ex)
        {
            throw Invalid(string.Empty, ex.Message, ex, start);
        }
    }

    private TimeFrameOwner ReadOwner()
    {
        var start = _reader.TokenStartIndex;
        if (_reader.TokenType == JsonTokenType.String)
        {
            var text = GetString();
            return text == TimeFrameJsonText.Domain
                ? TimeFrameOwner.Domain
                : throw Error($"'{text}' is not an owner; expected {DomainOrUser}.", start);
        }

        Expect(JsonTokenType.StartObject, DomainOrUser);
        string? user = null;
        var seen = 0;
        while (NextProperty(TimeFrameJsonProperties.FrameOwner, ref seen, out _))
        {
            var position = _reader.TokenStartIndex;
            user = ReadString("the user's id as a string");
            if (string.IsNullOrWhiteSpace(user))
            {
                throw Error("A user id may not be empty or blank.", position);
            }

            Pop();
        }

        Require(TimeFrameJsonProperties.FrameOwner, seen, 0b1, start);
        return TimeFrameOwner.User(user!);
    }

    private DateTimeZone ReadZone()
    {
        var position = _reader.TokenStartIndex;
        var id = ReadString("a time zone id such as \"America/New_York\"");
        return _zones.GetZoneOrNull(id)
            ?? throw Error($"Unknown time zone '{id}'; expected a time zone id such as \"America/New_York\".", position);
    }

    private TimeFrameDefinition ReadDefinition()
    {
        var start = Expect(JsonTokenType.StartObject, "a definition object such as {\"kind\": \"always\"}");
        var kind = (TimeFrameKind)Discriminator("kind"u8, "kind", TimeFrameJsonText.Kinds, "a definition", start);
        return kind switch
        {
            TimeFrameKind.Always => ReadAlways(start),
            TimeFrameKind.DaysOfWeek => ReadDaysOfWeek(start),
            TimeFrameKind.SpecificDates => ReadSpecificDates(start),
            TimeFrameKind.Holidays => ReadHolidays(start),
            _ => ReadCustom(start),
        };
    }

    private AlwaysDefinition ReadAlways(long start)
    {
        var seen = 0;
        while (NextProperty(TimeFrameJsonProperties.Always, ref seen, out _))
        {
            Pop();
        }

        Require(TimeFrameJsonProperties.Always, seen, 0b1, start);
        return AlwaysDefinition.Instance;
    }

    private DaysOfWeekDefinition ReadDaysOfWeek(long start)
    {
        var properties = TimeFrameJsonProperties.DaysOfWeek;
        var days = ImmutableArray<DaySchedule>.Empty;
        var recurrence = DaysOfWeekRecurrence.EveryWeek;
        LocalDate? startDate = null;
        var end = RecurrenceEnd.Never;
        var seen = 0;
        while (NextProperty(properties, ref seen, out var property))
        {
            switch (property)
            {
                case 1:
                    Expect(JsonTokenType.StartArray, "an array of days such as [{\"day\": \"monday\", \"ranges\": [\"08:00-17:00\"]}]");
                    var builder = ImmutableArray.CreateBuilder<DaySchedule>();
                    for (var i = 0; NextElement(i); i++)
                    {
                        builder.Add(ReadDay());
                        Pop();
                    }

                    days = builder.DrainToImmutable();
                    break;
                case 2:
                    recurrence = IsNull() ? DaysOfWeekRecurrence.EveryWeek : ReadDaysRecurrence();
                    break;
                case 3:
                    startDate = IsNull() ? null : ReadDate();
                    break;
                case 4:
                    end = ReadEnd();
                    break;
            }

            Pop();
        }

        Require(properties, seen, 0b11, start);
        return new DaysOfWeekDefinition { Days = days, Recurrence = recurrence, StartDate = startDate, End = end };
    }

    private DaySchedule ReadDay()
    {
        var start = Expect(JsonTokenType.StartObject, "a day such as {\"day\": \"monday\", \"ranges\": [\"08:00-17:00\"]}");
        var properties = TimeFrameJsonProperties.Day;
        var day = IsoDayOfWeek.None;
        var ranges = ImmutableArray<TimeRange>.Empty;
        var seen = 0;
        while (NextProperty(properties, ref seen, out var property))
        {
            if (property == 0)
            {
                day = (IsoDayOfWeek)(ReadEnum(TimeFrameJsonText.Days, "a day of the week") + 1);
            }
            else
            {
                Expect(JsonTokenType.StartArray, "an array of time ranges such as [\"08:00-12:00\", \"13:00-17:00\"]");
                var builder = ImmutableArray.CreateBuilder<TimeRange>();
                for (var i = 0; NextElement(i); i++)
                {
                    builder.Add(ReadTimeRange());
                    Pop();
                }

                ranges = builder.DrainToImmutable();
            }

            Pop();
        }

        Require(properties, seen, 0b11, start);
        return new DaySchedule(day) { Ranges = ranges };
    }

    private DaysOfWeekRecurrence ReadDaysRecurrence()
    {
        var start = Expect(JsonTokenType.StartObject, "a recurrence such as {\"every\": 1, \"unit\": \"week\"}");
        var properties = TimeFrameJsonProperties.DaysRecurrence;
        var every = 1;
        var unit = 0;
        WeekdayOrdinal? ordinal = null;
        long ordinalAt = 0;
        var seen = 0;
        while (NextProperty(properties, ref seen, out var property))
        {
            switch (property)
            {
                case 0:
                    every = ReadInt32("the number of weeks or months as an integer");
                    break;
                case 1:
                    unit = ReadEnum(TimeFrameJsonText.Units, "a unit");
                    break;
                default:
                    ordinalAt = _reader.TokenStartIndex;
                    ordinal = TimeFrameJsonText.OrdinalAt(ReadEnum(TimeFrameJsonText.Ordinals, "an ordinal"));
                    break;
            }

            Pop();
        }

        Require(properties, seen, 0b10, start);
        if (unit == 1 && ordinal is null)
        {
            throw Error($"A monthly recurrence needs the property 'ordinal': {TimeFrameJsonText.OneOf(TimeFrameJsonText.Ordinals)}.", start);
        }

        if (unit == 0 && ordinal is not null)
        {
            Push("ordinal");
            throw Error("'ordinal' is only allowed with \"unit\": \"month\"; a weekly recurrence has none.", ordinalAt);
        }

        return new DaysOfWeekRecurrence { Interval = every, Ordinal = ordinal };
    }

    private RecurrenceEnd ReadEnd()
    {
        if (IsNull())
        {
            return RecurrenceEnd.Never;
        }

        const string Forms = "{\"never\": true}, {\"on\": \"2026-01-01\"} or {\"after\": 10}";
        var start = Expect(JsonTokenType.StartObject, $"an end: {Forms}");
        var properties = TimeFrameJsonProperties.End;
        LocalDate? date = null;
        int? count = null;
        var seen = 0;
        while (NextProperty(properties, ref seen, out var property))
        {
            var position = _reader.TokenStartIndex;
            if ((seen & ~(1 << property)) != 0)
            {
                throw Error($"An end is one of {Forms}, not several.", position);
            }

            switch (property)
            {
                case 0:
                    if (!ReadBoolean())
                    {
                        throw Error($"'never' can only be true; an end is one of {Forms}.", position);
                    }

                    break;
                case 1:
                    date = ReadDate();
                    break;
                default:
                    count = ReadInt32("the number of occurrences as an integer");
                    break;
            }

            Pop();
        }

        if (seen == 0)
        {
            throw Error($"An end needs one of the properties 'never', 'on' or 'after': {Forms}.", start);
        }

        return RecurrenceEnd.Unchecked(date, count);
    }

    private SpecificDatesDefinition ReadSpecificDates(long start)
    {
        var properties = TimeFrameJsonProperties.SpecificDates;
        var intervals = ImmutableArray<SpecificDateInterval>.Empty;
        var seen = 0;
        while (NextProperty(properties, ref seen, out var property))
        {
            if (property == 1)
            {
                Expect(JsonTokenType.StartArray, "an array of intervals such as [{\"start\": \"2025-12-24T00:00:00\", \"end\": \"2025-12-27T00:00:00\"}]");
                var builder = ImmutableArray.CreateBuilder<SpecificDateInterval>();
                for (var i = 0; NextElement(i); i++)
                {
                    builder.Add(ReadInterval());
                    Pop();
                }

                intervals = builder.DrainToImmutable();
            }

            Pop();
        }

        Require(properties, seen, 0b11, start);
        return new SpecificDatesDefinition { Intervals = intervals };
    }

    private SpecificDateInterval ReadInterval()
    {
        var start = Expect(JsonTokenType.StartObject, "an interval such as {\"start\": \"2025-12-24T00:00:00\", \"end\": \"2025-12-27T00:00:00\"}");
        var properties = TimeFrameJsonProperties.Interval;
        LocalDateTime from = default, to = default;
        DateRecurrence? recurrence = null;
        var seen = 0;
        while (NextProperty(properties, ref seen, out var property))
        {
            switch (property)
            {
                case 0:
                    from = ReadDateTime();
                    break;
                case 1:
                    to = ReadDateTime();
                    break;
                default:
                    recurrence = IsNull() ? null : ReadDateRecurrence();
                    break;
            }

            Pop();
        }

        Require(properties, seen, 0b11, start);
        return new SpecificDateInterval(from, to, recurrence);
    }

    private DateRecurrence ReadDateRecurrence()
    {
        var start = Expect(JsonTokenType.StartObject, "a recurrence such as {\"frequency\": \"yearly\", \"every\": 1, \"end\": {\"never\": true}}");
        var properties = TimeFrameJsonProperties.DateRecurrence;
        var frequency = DateFrequency.Daily;
        var every = 1;
        var end = RecurrenceEnd.Never;
        var seen = 0;
        while (NextProperty(properties, ref seen, out var property))
        {
            switch (property)
            {
                case 0:
                    frequency = (DateFrequency)ReadEnum(TimeFrameJsonText.Frequencies, "a frequency");
                    break;
                case 1:
                    every = ReadInt32("the number of days, weeks, months or years as an integer");
                    break;
                default:
                    end = ReadEnd();
                    break;
            }

            Pop();
        }

        Require(properties, seen, 0b1, start);
        return new DateRecurrence(frequency, every, end);
    }

    private HolidaysDefinition ReadHolidays(long start)
    {
        var properties = TimeFrameJsonProperties.Holidays;
        var holidays = ImmutableArray<HolidaySelection>.Empty;
        var observed = ObservedHolidayRules.UnitedStates;
        var seen = 0;
        while (NextProperty(properties, ref seen, out var property))
        {
            switch (property)
            {
                case 1:
                    Expect(JsonTokenType.StartArray, "an array of holidays such as [{\"country\": \"US\", \"holiday\": \"juneteenth\"}]");
                    var builder = ImmutableArray.CreateBuilder<HolidaySelection>();
                    for (var i = 0; NextElement(i); i++)
                    {
                        builder.Add(ReadHoliday());
                        Pop();
                    }

                    holidays = builder.DrainToImmutable();
                    break;
                case 2:
                    observed = IsNull() ? ObservedHolidayRules.UnitedStates : ReadObserved();
                    break;
            }

            Pop();
        }

        Require(properties, seen, 0b11, start);
        return new HolidaysDefinition { Holidays = holidays, Observed = observed };
    }

    private HolidaySelection ReadHoliday()
    {
        Expect(JsonTokenType.StartObject, "a holiday such as {\"country\": \"US\", \"holiday\": \"juneteenth\"}");
        var properties = TimeFrameJsonProperties.Holiday;
        string? country = null, region = null, holidayId = null;
        CompanyHoliday? company = null;
        var time = TimeRange.WholeDay;
        int? onlyInYear = null;
        LocalDate? until = null;
        var seen = 0;
        while (NextProperty(properties, ref seen, out var property))
        {
            var isNull = IsNull();
            switch (property)
            {
                case 0:
                    country = isNull ? null : ReadString("an ISO 3166-1 country code such as \"US\"");
                    break;
                case 1:
                    region = isNull ? null : ReadString("a region such as \"DE-BY\"");
                    break;
                case 2:
                    holidayId = isNull ? null : ReadString("a holiday id such as \"juneteenth\"");
                    break;
                case 3:
                    company = isNull ? null : ReadCompany();
                    break;
                case 4:
                    time = isNull ? TimeRange.WholeDay : ReadTimeRange();
                    break;
                case 5:
                    onlyInYear = isNull ? null : ReadInt32("a year as an integer");
                    break;
                default:
                    until = isNull ? null : ReadDate();
                    break;
            }

            Pop();
        }

        return new HolidaySelection
        {
            Country = country,
            Region = region,
            HolidayId = holidayId,
            Company = company,
            Time = time,
            OnlyInYear = onlyInYear,
            Until = until,
        };
    }

    private CompanyHoliday ReadCompany()
    {
        var start = Expect(JsonTokenType.StartObject, "a company holiday such as {\"id\": \"founders-day\", \"name\": \"Founders Day\", \"rule\": {...}}");
        var properties = TimeFrameJsonProperties.Company;
        string? id = null, name = null;
        CompanyHolidayRule? rule = null;
        Span<long> positions = stackalloc long[properties.Names.Length];
        var seen = 0;
        while (NextProperty(properties, ref seen, out var property))
        {
            positions[property] = _reader.TokenStartIndex;
            switch (property)
            {
                case 0:
                    id = ReadString("the holiday's id as a string");
                    break;
                case 1:
                    name = ReadString("the holiday's name as a string");
                    break;
                default:
                    rule = ReadRule();
                    break;
            }

            Pop();
        }

        Require(properties, seen, 0b111, start);
        try
        {
            return new CompanyHoliday(id!, name!, rule!);
        }
        catch (ArgumentException ex)
        {
            throw Rejected(ex, properties, positions, start);
        }
    }

    private CompanyHolidayRule ReadRule()
    {
        var start = Expect(JsonTokenType.StartObject, "a rule such as {\"kind\": \"fixedDate\", \"month\": 3, \"day\": 14}");
        var type = Discriminator("kind"u8, "kind", TimeFrameJsonText.RuleKinds, "a rule", start);
        var properties = type switch
        {
            0 => TimeFrameJsonProperties.FixedDate,
            1 => TimeFrameJsonProperties.WeekdayOfMonth,
            _ => TimeFrameJsonProperties.EasterOffset,
        };
        int month = 0, day = 0, days = 0;
        var weekday = IsoDayOfWeek.None;
        var ordinal = WeekdayOrdinal.First;
        Span<long> positions = stackalloc long[properties.Names.Length];
        var seen = 0;
        while (NextProperty(properties, ref seen, out var property))
        {
            positions[property] = _reader.TokenStartIndex;
            switch (type, property)
            {
                case (0 or 1, 1):
                    month = ReadInt32("a month (1-12) as an integer");
                    break;
                case (0, 2):
                    day = ReadInt32("a day of the month as an integer");
                    break;
                case (1, 2):
                    weekday = (IsoDayOfWeek)(ReadEnum(TimeFrameJsonText.Days, "a day of the week") + 1);
                    break;
                case (1, 3):
                    ordinal = TimeFrameJsonText.OrdinalAt(ReadEnum(TimeFrameJsonText.Ordinals, "an ordinal"));
                    break;
                case (2, 1):
                    days = ReadInt32("a number of days from Easter Sunday as an integer");
                    break;
            }

            Pop();
        }

        Require(properties, seen, (1 << properties.Names.Length) - 1, start);
        try
        {
            return type switch
            {
                0 => new FixedDateHolidayRule(month, day),
                1 => new WeekdayOfMonthHolidayRule(month, weekday, ordinal),
                _ => new EasterOffsetHolidayRule(days),
            };
        }
        catch (ArgumentException ex)
        {
            throw Rejected(ex, properties, positions, start);
        }
    }

    private ObservedHolidayRules ReadObserved()
    {
        Expect(JsonTokenType.StartObject, "observed-holiday rules such as {\"workWeek\": [\"monday\", \"tuesday\"], \"sunday\": \"followingWorkday\"}");
        var properties = TimeFrameJsonProperties.Observed;
        var defaults = ObservedHolidayRules.UnitedStates;
        var workWeek = defaults.WorkWeek;
        Span<ObservedShift> shifts = stackalloc ObservedShift[7];
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            shifts[(int)day - 1] = defaults.GetShift(day);
        }

        var keepActualDay = defaults.KeepActualDay;
        var seen = 0;
        while (NextProperty(properties, ref seen, out var property))
        {
            if (property == 0)
            {
                workWeek = ReadWeekdays();
            }
            else if (property <= 7)
            {
                shifts[property - 1] = (ObservedShift)ReadEnum(TimeFrameJsonText.Shifts, "an observed-holiday rule");
            }
            else
            {
                keepActualDay = ReadBoolean();
            }

            Pop();
        }

        return new ObservedHolidayRules
        {
            WorkWeek = workWeek,
            Monday = shifts[0],
            Tuesday = shifts[1],
            Wednesday = shifts[2],
            Thursday = shifts[3],
            Friday = shifts[4],
            Saturday = shifts[5],
            Sunday = shifts[6],
            KeepActualDay = keepActualDay,
        };
    }

    private Weekdays ReadWeekdays()
    {
        Expect(JsonTokenType.StartArray, "an array of days of the week such as [\"monday\", \"tuesday\"]");
        var days = Weekdays.None;
        for (var i = 0; NextElement(i); i++)
        {
            var position = _reader.TokenStartIndex;
            var index = ReadEnum(TimeFrameJsonText.Days, "a day of the week");
            var day = ((IsoDayOfWeek)(index + 1)).ToWeekdays();
            if ((days & day) != 0)
            {
                throw Error($"'{TimeFrameJsonText.Days[index]}' is listed twice.", position);
            }

            days |= day;
            Pop();
        }

        return days;
    }

    private CustomDefinition ReadCustom(long start)
    {
        var properties = TimeFrameJsonProperties.Custom;
        var children = ImmutableArray<TimeFrameDefinition>.Empty;
        var seen = 0;
        while (NextProperty(properties, ref seen, out var property))
        {
            if (property == 1)
            {
                Expect(JsonTokenType.StartArray, "an array of definitions");
                var builder = ImmutableArray.CreateBuilder<TimeFrameDefinition>();
                for (var i = 0; NextElement(i); i++)
                {
                    builder.Add(ReadDefinition());
                    Pop();
                }

                children = builder.DrainToImmutable();
            }

            Pop();
        }

        Require(properties, seen, 0b11, start);
        return new CustomDefinition { Children = children };
    }

    /// <summary>Looks ahead in the object that starts under the reader for the string property <paramref name="name"/>
    /// and returns the index of its value in <paramref name="values"/>; the reader does not move.</summary>
    private readonly int Discriminator(ReadOnlySpan<byte> utf8Name, string name, string[] values, string what, long start)
    {
        var ahead = _reader;
        var depth = ahead.CurrentDepth;
        while (ahead.Read())
        {
            if (ahead.TokenType == JsonTokenType.EndObject && ahead.CurrentDepth == depth)
            {
                break;
            }

            if (ahead.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            var found = ahead.ValueTextEquals(utf8Name);
            do
            {
                ahead.Read();
            }
            while (ahead.TokenType == JsonTokenType.Comment);

            if (!found)
            {
                ahead.Skip();
                continue;
            }

            _path.Add((name, 0));
            var position = ahead.TokenStartIndex;
            if (ahead.TokenType != JsonTokenType.String)
            {
                throw Error($"Expected the {name} as a string ({TimeFrameJsonText.OneOf(values)}), found {Describe(ahead.TokenType)}.", position);
            }

            var text = GetString(ref ahead, position);
            var index = Array.IndexOf(values, text);
            if (index < 0)
            {
                throw Error($"Unknown {name} '{text}'; expected {TimeFrameJsonText.OneOf(values)}{Suggest(text, values)}.", position);
            }

            Pop();
            return index;
        }

        throw Error($"{Capitalize(what)} needs the property '{name}': {TimeFrameJsonText.OneOf(values)}.", start);
    }

    /// <summary>Moves to the next property of an object: returns false at its end; otherwise checks the name, records
    /// it in the path and moves to the value.</summary>
    private bool NextProperty(TimeFrameJsonProperties properties, ref int seen, out int index)
    {
        Next();
        if (_reader.TokenType == JsonTokenType.EndObject)
        {
            index = -1;
            return false;
        }

        var position = _reader.TokenStartIndex;
        index = properties.IndexOf(ref _reader);
        if (index < 0)
        {
            var unknown = GetString(ref _reader, position);
            Push(unknown);
            throw Error($"Unknown property '{unknown}' in {properties.Description}; expected {TimeFrameJsonText.OneOf(properties.Names)}{Suggest(unknown, properties.Names)}.", position);
        }

        Push(properties.Names[index]);
        var bit = 1 << index;
        if ((seen & bit) != 0)
        {
            throw Error($"The property '{properties.Names[index]}' appears twice in {properties.Description}.", position);
        }

        seen |= bit;
        Next();
        return true;
    }

    /// <summary>Moves to the next element of an array: returns false at its end; otherwise records its index in the path.</summary>
    private bool NextElement(int index)
    {
        Next();
        if (_reader.TokenType == JsonTokenType.EndArray)
        {
            return false;
        }

        _path.Add((null, index));
        return true;
    }

    private void Next()
    {
        do
        {
            if (!_reader.Read())
            {
                throw Error("The document ends inside the time frame.", _reader.BytesConsumed);
            }
        }
        while (_reader.TokenType == JsonTokenType.Comment);
    }

    private void ReadEndOfDocument()
    {
        // The reader throws on anything but white space and comments after the value.
        while (_reader.Read())
        {
            if (_reader.TokenType != JsonTokenType.Comment)
            {
                throw Error("Unexpected content after the time frame.", _reader.TokenStartIndex);
            }
        }
    }

    private readonly void Push(string name) => _path.Add((name, 0));

    private readonly void Pop() => _path.RemoveAt(_path.Count - 1);

    private readonly bool IsNull() => _reader.TokenType == JsonTokenType.Null;

    private readonly long Expect(JsonTokenType type, string what)
    {
        var position = _reader.TokenStartIndex;
        return _reader.TokenType == type ? position : throw Error($"Expected {what}, found {Describe(_reader.TokenType)}.", position);
    }

    private readonly void Require(TimeFrameJsonProperties properties, int seen, int required, long start)
    {
        var missing = required & ~seen;
        if (missing != 0)
        {
            var name = properties.Names[System.Numerics.BitOperations.TrailingZeroCount(missing)];
            throw Error($"{Capitalize(properties.Description)} needs the property '{name}'.", start);
        }
    }

    private string ReadString(string what)
    {
        var position = Expect(JsonTokenType.String, what);
        return GetString(ref _reader, position);
    }

    private string GetString() => GetString(ref _reader, _reader.TokenStartIndex);

    private readonly string GetString(ref Utf8JsonReader reader, long position)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            throw Error("The text is not valid Unicode (a broken UTF-8 sequence or a lone surrogate escape).", position, ex);
        }
    }

    private readonly int ReadInt32(string what)
    {
        var position = Expect(JsonTokenType.Number, what);
        return _reader.TryGetInt32(out var value) ? value : throw Error($"Expected {what}, found {RawValue()}.", position);
    }

    private readonly bool ReadBoolean()
    {
        var position = _reader.TokenStartIndex;
        return _reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw Error($"Expected true or false, found {Describe(_reader.TokenType)}.", position),
        };
    }

    private int ReadEnum(string[] values, string what)
    {
        var position = Expect(JsonTokenType.String, $"{what} as a string ({TimeFrameJsonText.OneOf(values)})");
        var text = GetString(ref _reader, position);
        var index = Array.IndexOf(values, text);
        return index >= 0
            ? index
            : throw Error($"'{text}' is not {what}; expected {TimeFrameJsonText.OneOf(values)}{Suggest(text, values)}.", position);
    }

    private LocalDate ReadDate()
    {
        var position = Expect(JsonTokenType.String, "a date such as \"2025-01-03\"");
        var text = GetString(ref _reader, position);
        var result = TimeFrameJsonText.Date.Parse(text);
        return result.Success ? result.Value : throw Error($"'{text}' is not a valid date in the form yyyy-MM-dd.", position, result.Exception);
    }

    private LocalDateTime ReadDateTime()
    {
        var position = Expect(JsonTokenType.String, "a date and time such as \"2025-12-23T17:00:00\"");
        var text = GetString(ref _reader, position);
        var result = TimeFrameJsonText.DateTime.Parse(text);
        if (!result.Success && text.Length == 16)
        {
            result = TimeFrameJsonText.ShortDateTime.Parse(text);
        }

        return result.Success
            ? result.Value
            : throw Error($"'{text}' is not a valid date and time in the form yyyy-MM-ddTHH:mm:ss.", position, result.Exception);
    }

    private TimeRange ReadTimeRange()
    {
        var position = Expect(JsonTokenType.String, "a time range such as \"08:00-17:00\"");
        var text = GetString(ref _reader, position);
        if (TimeRange.TryParse(text, out var range))
        {
            return range;
        }

        Exception? detail = null;
        try
        {
            TimeRange.Parse(text);
        }
        catch (TimeFrameFormatException ex)
        {
            detail = ex;
        }

        throw Error($"'{text}' is not a time range in the form HH:mm-HH:mm.", position, detail);
    }

    private readonly string RawValue()
    {
        var raw = _reader.HasValueSequence ? _reader.ValueSequence.ToArray() : _reader.ValueSpan.ToArray();
        return Encoding.UTF8.GetString(raw);
    }

    /// <summary>Converts a model constructor's <see cref="ArgumentException"/> (a company holiday's id, a rule's month),
    /// pointing at the property its <see cref="ArgumentException.ParamName"/> names when there is one.</summary>
    private readonly TimeFrameFormatException Rejected(ArgumentException ex, TimeFrameJsonProperties properties, ReadOnlySpan<long> positions, long start)
    {
        var reason = ex.Message;
        if (ex.ParamName is { } parameter)
        {
            var cut = reason.IndexOf($" (Parameter '{parameter}')", StringComparison.Ordinal);
            if (cut > 0)
            {
                reason = reason[..cut];
            }

            for (var i = 0; i < properties.Names.Length; i++)
            {
                if (string.Equals(properties.Names[i], parameter, StringComparison.OrdinalIgnoreCase))
                {
                    Push(properties.Names[i]);
                    return Error(reason, positions[i], ex);
                }
            }
        }

        return Error(reason, start, ex);
    }

    /// <summary>Converts the constructor's verdict on a structurally valid frame, pointing at the offending value.</summary>
    private readonly TimeFrameFormatException Invalid(string field, string reason, Exception inner, long frameStart)
    {
        var path = $"{RenderPath()}{TimeFrameJsonLocation.FromField(field)}";
        var position = _ownsDocument ? JsonLocation.Find(_document, path, DocumentOptions, frameStart) : frameStart;
        return Create(path, $"The time frame is not valid: {reason}", position, inner);
    }

    /// <summary>Converts the reader's own error (not JSON at all, truncated, nested too deep).</summary>
    private readonly TimeFrameFormatException Malformed(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        var position = JsonLocation.Offset(_document, ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0);
        return Create(RenderPath(), $"The text is not valid JSON: {message}", position, ex);
    }

    private readonly TimeFrameFormatException Error(string reason, long position, Exception? inner = null) =>
        Create(RenderPath(), reason, position, inner);

    private readonly TimeFrameFormatException Create(string path, string reason, long position, Exception? inner)
    {
        if (!_ownsDocument)
        {
            return new TimeFrameFormatException($"{path}: {reason}", inner) { Path = path };
        }

        var (line, column) = JsonLocation.LineAndColumn(_document, position);
        var text = _text ?? Encoding.UTF8.GetString(_document);
        return new TimeFrameFormatException($"{path}: {reason} (line {line}, column {column})", text, position, inner)
        {
            Path = path,
            Line = line,
        };
    }

    private readonly string RenderPath()
    {
        var path = new StringBuilder("$");
        foreach (var (name, index) in _path)
        {
            JsonLocation.AppendSegment(path, name, index);
        }

        return path.ToString();
    }

    private static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => type.ToString(),
    };

    private static string Suggest(string text, string[] values)
    {
        foreach (var value in values)
        {
            if (string.Equals(value, text, StringComparison.OrdinalIgnoreCase))
            {
                return $" (names are case-sensitive: did you mean '{value}'?)";
            }
        }

        return string.Empty;
    }

    private static string Capitalize(string text) => string.Concat(text[..1].ToUpperInvariant(), text[1..]);
}
