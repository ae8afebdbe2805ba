using System.Text;
using System.Text.Json;
using NodaTime;

namespace K7.TimeFrames.Tests.Serialization;

public sealed class TimeFrameJsonTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private static readonly string[] Kinds = ["always", "daysOfWeek", "specificDates", "holidays", "custom"];

    private static readonly JsonSerializerOptions HostOptions = new() { Converters = { new TimeFrameJsonConverter() } };

    private static readonly JsonSerializerOptions TzdbHostOptions = new() { Converters = { new TimeFrameJsonConverter(DateTimeZoneProviders.Tzdb) } };

    public static TheoryData<string> ExampleNames() => new(Kinds);

    public static TheoryData<string, string, string, string, string> Errors() => new()
    {
        // Not JSON at all.
        { "daysOfWeek", "\"unit\": \"week\"", "\"unit\": \"week\",", "$.definition.recurrence", "not valid JSON" },
        { "daysOfWeek", "\"name\": \"Early Release\"", "\"name\": \"Early Release", "$.name", "not valid JSON" },
        { "always", "}\n}", "}\n} {}", "$", "not valid JSON" },

        // Missing required properties.
        { "daysOfWeek", "\"name\": \"Early Release\",", string.Empty, "$", "needs the property 'name'" },
        { "daysOfWeek", "\"kind\": \"daysOfWeek\",", string.Empty, "$.definition", "needs the property 'kind'" },
        { "daysOfWeek", "\"unit\": \"week\"", "\"unit\": \"month\"", "$.definition.recurrence", "needs the property 'ordinal'" },
        { "specificDates", "\"start\": \"2025-07-03T12:00:00\",", string.Empty, "$.definition.intervals[0]", "needs the property 'start'" },

        // Unknown kinds, properties and enum values.
        { "daysOfWeek", "\"kind\": \"daysOfWeek\"", "\"kind\": \"weekly\"", "$.definition.kind", "Unknown kind 'weekly'" },
        { "holidays", "\"kind\": \"fixedDate\"", "\"kind\": \"fixed-date\"", "$.definition.holidays[2].company.rule.kind", "Unknown kind 'fixed-date'" },
        { "daysOfWeek", "\"ranges\"", "\"range\"", "$.definition.days[0].range", "Unknown property 'range' in a day" },
        { "daysOfWeek", "\"saturday\"", "\"caturday\"", "$.definition.days[1].day", "'caturday' is not a day of the week" },
        { "daysOfWeek", "\"friday\"", "\"Friday\"", "$.definition.days[0].day", "did you mean 'friday'?" },
        { "specificDates", "\"yearly\"", "\"annually\"", "$.definition.intervals[1].recurrence.frequency", "'annually' is not a frequency" },
        { "holidays", "\"saturday\": \"precedingWorkday\"", "\"saturday\": \"previousWorkday\"", "$.definition.observed.saturday", "'previousWorkday' is not an observed-holiday rule" },
        { "always", "\"owner\": \"domain\"", "\"owner\": \"user\"", "$.owner", "'user' is not an owner" },

        // Repeated or contradictory properties.
        { "daysOfWeek", "\"unit\": \"week\"", "\"unit\": \"week\", \"unit\": \"week\"", "$.definition.recurrence.unit", "'unit' appears twice" },
        { "daysOfWeek", "\"unit\": \"week\"", "\"unit\": \"week\", \"ordinal\": \"first\"", "$.definition.recurrence.ordinal", "only allowed with \"unit\": \"month\"" },
        { "daysOfWeek", "\"on\": \"2025-12-31\"", "\"on\": \"2025-12-31\", \"after\": 3", "$.definition.end.after", "not several" },
        { "daysOfWeek", "\"on\": \"2025-12-31\"", "\"never\": false", "$.definition.end.never", "'never' can only be true" },
        { "holidays", "\"tuesday\",", "\"monday\",", "$.definition.observed.workWeek[1]", "'monday' is listed twice" },

        // Values that do not parse.
        { "daysOfWeek", "2025-01-03", "2025-02-30", "$.definition.startDate", "'2025-02-30' is not a valid date in the form yyyy-MM-dd" },
        { "specificDates", "2025-07-03T12:00:00", "2025-07-03 12:00", "$.definition.intervals[0].start", "'2025-07-03 12:00' is not a valid date and time" },
        { "daysOfWeek", "08:00-12:00", "08:00-25:00", "$.definition.days[1].ranges[0]", "'08:00-25:00' is not a time range" },
        { "daysOfWeek", "America/New_York", "America/Springfield", "$.timeZone", "Unknown time zone 'America/Springfield'" },

        // Values of the wrong type.
        { "daysOfWeek", "\"every\": 1", "\"every\": \"1\"", "$.definition.recurrence.every", "as an integer, found a string" },
        { "daysOfWeek", "\"every\": 1", "\"every\": 1.5", "$.definition.recurrence.every", "as an integer, found 1.5" },
        { "daysOfWeek", "\"user\": \"202\"", "\"user\": 202", "$.owner.user", "found a number" },
        { "daysOfWeek", "\"ranges\": [", "\"ranges\": \"08:00-12:00\", \"x\": [", "$.definition.days[0].ranges", "Expected an array of time ranges" },
        { "always", "\"definition\": {\n    \"kind\": \"always\"\n  }", "\"definition\": \"always\"", "$.definition", "Expected a definition object" },

        // Rejected by the model's constructors (company holidays and their rules check their values).
        { "holidays", "\"id\": \"founders-day\"", "\"id\": \"Founders_Day\"", "$.definition.holidays[2].company.id", "not a lower-kebab id" },
        { "holidays", "\"month\": 3", "\"month\": 13", "$.definition.holidays[2].company.rule.month", "Expected a month from 1 to 12" },

        // Well formed, but the time frame is invalid (the validator's reason, with the field as a JSON path).
        { "daysOfWeek", "\"Early Release\"", "\" \"", "$.name", "A name is required" },
        { "daysOfWeek", "\"08:00-12:00\"", "\"08:00-12:00\", \"11:00-13:00\"", "$.definition.days[1].ranges[1]", "11:00-13:00 overlaps 08:00-12:00 on Saturday" },
        { "daysOfWeek", "\"on\": \"2025-12-31\"", "\"on\": \"2024-12-31\"", "$.definition.end.on", "The end date 2024-12-31 is before the start date 2025-01-03" },
        { "daysOfWeek", "\"every\": 1", "\"every\": 100", "$.definition.recurrence.every", "The interval is between 1 and 99" },
        { "daysOfWeek", "\"on\": \"2025-12-31\"", "\"after\": 0", "$.definition.end.after", "between 1 and 1000; it is 0" },
        { "specificDates", "2025-07-07T08:00:00", "2025-07-01T08:00:00", "$.definition.intervals[0].end", "is not after the start" },
        { "specificDates", "2025-07-07T08:00:00", "2025-12-24T08:00:00", "$.definition.intervals[1]", "overlaps interval 0" },
        { "holidays", "\"name\": \"Founders Day\",", "\"name\": \"Founders Day\", \"id\": \"x\",", "$.definition.holidays[2].company.id", "'id' appears twice" },
        { "holidays", "\"time\": \"08:00-12:00\"", "\"time\": \"08:00-12:00\", \"country\": \"US\"", "$.definition.holidays[2]", "not both" },
        { "custom", "\"kind\": \"specificDates\",\n        \"intervals\"", "\"kind\": \"always\",\n        \"x\"", "$.definition.children[1].x", "Unknown property 'x' in an always definition" },
    };

    [Theory]
    [MemberData(nameof(ExampleNames))]
    public void Serialize_Example_MatchesDocumentedText(string kind)
    {
        var (frame, json) = Example(kind);

        Assert.Equal(json, TimeFrameJson.Serialize(frame, indented: true));
        Assert.Contains($"```json\n{json}\n```", Documentation(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ExampleNames))]
    public void Deserialize_Example_EqualsFrame(string kind)
    {
        var (frame, json) = Example(kind);

        Assert.Equal(frame, TimeFrameJson.Deserialize(json));
        Assert.Equal(frame, TimeFrameJson.Deserialize(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(frame, TimeFrameJson.Deserialize(TimeFrameJson.Serialize(frame)));
    }

    [Fact]
    public void SerializeList_Compact_MatchesDocumentedText()
    {
        var frames = new[] { Example("always").Frame, Example("daysOfWeek").Frame };

        var json = TimeFrameJson.SerializeList(frames);

        Assert.Equal(CompactList, json);
        Assert.Contains($"```json\n{CompactList}\n```", Documentation(), StringComparison.Ordinal);
        Assert.Equal(frames, TimeFrameJson.DeserializeList(json));
        Assert.Equal(frames, TimeFrameJson.DeserializeList(TimeFrameJson.SerializeListToUtf8Bytes(frames)));
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void Deserialize_MalformedOrInvalid_ThrowsWithPathAndMessage(string kind, string find, string replace, string path, string message)
    {
        var json = ReplaceFirst(Example(kind).Json, find, replace);

        var error = Assert.Throws<TimeFrameFormatException>(() => TimeFrameJson.Deserialize(json));

        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.Equal(json, error.Text);
        Assert.NotNull(error.Line);
        Assert.InRange(error.Position, 0, Encoding.UTF8.GetByteCount(json));
        Assert.Equal(LineOf(json, error.Position), error.Line);
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void TryDeserialize_MalformedOrInvalid_ReturnsFalseWithTheSameError(string kind, string find, string replace, string path, string message)
    {
        var json = ReplaceFirst(Example(kind).Json, find, replace);

        var ok = TimeFrameJson.TryDeserialize(json, out var frame, out var error);
        var okUtf8 = TimeFrameJson.TryDeserialize(Encoding.UTF8.GetBytes(json), out var frameUtf8, out var errorUtf8);

        Assert.False(ok);
        Assert.Null(frame);
        Assert.Equal(path, error!.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.False(okUtf8);
        Assert.Null(frameUtf8);
        Assert.Equal(path, errorUtf8!.Path);
        Assert.Equal(error.Position, errorUtf8.Position);
    }

    [Fact]
    public void Deserialize_InvalidFrame_WrapsValidationExceptionNamingTheField()
    {
        var json = ReplaceFirst(Example("specificDates").Json, "2025-07-07T08:00:00", "2025-07-01T08:00:00");

        var error = Assert.Throws<TimeFrameFormatException>(() => TimeFrameJson.Deserialize(json));

        var inner = Assert.IsType<TimeFrameValidationException>(error.InnerException);
        Assert.Equal("Definition.Intervals[0].End", inner.Field);
        Assert.Equal("$.definition.intervals[0].end", error.Path);
        Assert.Contains(inner.Reason, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("\"2025-07-01T08:00:00\"", json[(int)error.Position..], StringComparison.Ordinal);
        Assert.Equal(10, error.Line);
    }

    [Fact]
    public void Deserialize_BadDate_PointsAtTheValue()
    {
        var json = ReplaceFirst(Example("daysOfWeek").Json, "2025-01-03", "2025-02-30");

        var error = Assert.Throws<TimeFrameFormatException>(() => TimeFrameJson.Deserialize(json));

        Assert.StartsWith("\"2025-02-30\"", json[(int)error.Position..], StringComparison.Ordinal);
        Assert.Equal(27, error.Line);
        Assert.Contains("(line 27, column 18)", error.Message, StringComparison.Ordinal);
        Assert.IsType<NodaTime.Text.UnparsableValueException>(error.InnerException);
    }

    [Fact]
    public void Deserialize_MalformedJson_GivesReaderLineAndPosition()
    {
        var json = "{\n  \"name\": \"x\",\n  \"owner\": domain\n}";

        var error = Assert.Throws<TimeFrameFormatException>(() => TimeFrameJson.Deserialize(json));

        Assert.Equal("$.owner", error.Path);
        Assert.Equal(3, error.Line);
        Assert.Equal(json.IndexOf("domain", StringComparison.Ordinal), error.Position);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("{")]
    [InlineData("{}")]
    [InlineData("{\"name\":\"x\",\"owner\":\"domain\",\"timeZone\":\"UTC\",\"definition\":{\"kind\":\"custom\",\"children\":[{\"kind\":\"always\"}]}}")]
    [InlineData("{\"name\":\"x\",\"owner\":\"domain\",\"timeZone\":\"UTC\",\"definition\":{\"kind\":\"daysOfWeek\",\"days\":[]}}")]
    [InlineData("{\"name\":\"x\",\"owner\":\"domain\",\"timeZone\":\"UTC\",\"definition\":{\"kind\":\"holidays\",\"holidays\":[{}]}}")]
    [InlineData("{\"name\":\"x\",\"owner\":\"domain\",\"timeZone\":\"UTC\",\"definition\":{\"kind\":\"always\"}} trailing")]
    [InlineData("{\"name\":\"\\ud800\",\"owner\":\"domain\",\"timeZone\":\"UTC\",\"definition\":{\"kind\":\"always\"}}")]
    public void TryDeserialize_BadInput_ReturnsFalse(string json)
    {
        Assert.False(TimeFrameJson.TryDeserialize(json, out _, out var error));
        Assert.StartsWith("$", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDeserialize_InvalidUtf8_ReturnsFalse()
    {
        byte[] json = [.. "{\"name\":\""u8, 0xC3, 0x28, .. "\",\"owner\":\"domain\",\"timeZone\":\"UTC\",\"definition\":{\"kind\":\"always\"}}"u8];

        Assert.False(TimeFrameJson.TryDeserialize(json, out _, out var error));
        Assert.Equal("$.name", error.Path);
    }

    [Fact]
    public void Deserialize_AnyPropertyOrderCommentsAndNulls_Reads()
    {
        var json = """
            // A frame written by hand.
            {
              "definition": {
                "end": null,
                "startDate": null,
                "recurrence": null,
                "days": [ { "ranges": [ "08:00-17:00" ], "day": "monday" } ],
                "kind": "daysOfWeek" /* last */
              },
              "timeZone": "Europe/London",
              "owner": { "user": "alice" },
              "name": "Mondays"
            }
            """;

        var frame = TimeFrameJson.Deserialize(json);

        var expected = new TimeFrame(
            "Mondays",
            TimeFrameOwner.User("alice"),
            DateTimeZoneProviders.Tzdb["Europe/London"],
            new DaysOfWeekDefinition(new DaySchedule(IsoDayOfWeek.Monday, TimeRange.BusinessHours)));
        Assert.Equal(expected, frame);
    }

    [Fact]
    public void Deserialize_OptionalPropertiesLeftOut_TakesTheirDefaults()
    {
        var json = """
            {"name": "Holidays", "owner": "domain", "timeZone": "UTC", "definition": {"kind": "custom", "children": [
              {"kind": "holidays", "holidays": [{"country": "US", "region": null, "holiday": "juneteenth"}]},
              {"kind": "holidays", "holidays": [{"country": "US", "holiday": "juneteenth"}], "observed": {"keepActualDay": false, "sunday": "notMoved"}},
              {"kind": "specificDates", "intervals": [{"start": "2025-12-24T12:00", "end": "2025-12-27T00:00", "recurrence": {"frequency": "weekly"}}]}
            ]}}
            """;

        var children = ((CustomDefinition)TimeFrameJson.Deserialize(json).Definition).Children;

        var first = (HolidaysDefinition)children[0];
        Assert.Equal(HolidaySelection.FromCalendar("US", "juneteenth"), first.Holidays[0]);
        Assert.Equal(TimeRange.WholeDay, first.Holidays[0].Time);
        Assert.Equal(ObservedHolidayRules.UnitedStates, first.Observed);
        var second = (HolidaysDefinition)children[1];
        Assert.Equal(ObservedHolidayRules.UnitedStates with { KeepActualDay = false, Sunday = ObservedShift.NotMoved }, second.Observed);
        var interval = ((SpecificDatesDefinition)children[2]).Intervals[0];
        Assert.Equal(new LocalDateTime(2025, 12, 24, 12, 0), interval.Start);
        Assert.Equal(new DateRecurrence(DateFrequency.Weekly, 1, RecurrenceEnd.Never), interval.Recurrence);
    }

    [Fact]
    public void Deserialize_Utf8WithByteOrderMark_Reads()
    {
        var (frame, json) = Example("holidays");
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(json)];

        Assert.Equal(frame, TimeFrameJson.Deserialize(bytes));
    }

    [Fact]
    public void Serialize_NonAsciiAndMarkup_WrittenAsIsAndReadBack()
    {
        var frame = new TimeFrame("Zürich <Büro> & \"Co\" 😀", TimeFrameOwner.User("é"), NewYork, AlwaysDefinition.Instance);

        var json = TimeFrameJson.Serialize(frame);

        // Characters outside the Basic Multilingual Plane are escaped as surrogate pairs.
        Assert.Equal("""{"name":"Zürich <Büro> & \"Co\" \uD83D\uDE00","owner":{"user":"é"},"timeZone":"America/New_York","definition":{"kind":"always"}}""", json);
        Assert.Equal(frame, TimeFrameJson.Deserialize(json));
    }

    [Fact]
    public void Constructor_WorkWeekWithFlagsThatAreNotDays_IsRefusedBeforeItCanBeSerialized()
    {
        var error = Assert.Throws<TimeFrameValidationException>(() => new TimeFrame(
            "Odd",
            TimeFrameOwner.Domain,
            NewYork,
            new HolidaysDefinition(HolidaySelection.FromCalendar("US", "juneteenth"))
            {
                Observed = ObservedHolidayRules.UnitedStates with { WorkWeek = Weekdays.MondayToFriday | (Weekdays)128 },
            }));

        Assert.Equal("Definition.Observed.WorkWeek", error.Field);
    }

    [Fact]
    public void Constructor_NameWithLoneSurrogate_IsRefusedBeforeItCanBeSerialized()
    {
        var error = Assert.Throws<TimeFrameValidationException>(() => new TimeFrame("Office \uD800", TimeFrameOwner.Domain, NewYork, AlwaysDefinition.Instance));

        Assert.Equal("Name", error.Field);
        Assert.Contains("unpaired surrogate", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeList_InvalidSecondFrame_PathStartsWithItsIndex()
    {
        var json = TimeFrameJson.SerializeList([Example("always").Frame, Example("specificDates").Frame]).Replace("2025-07-07T08:00:00", "2025-07-01T08:00:00", StringComparison.Ordinal);

        var error = Assert.Throws<TimeFrameFormatException>(() => TimeFrameJson.DeserializeList(json));

        Assert.Equal("$[1].definition.intervals[0].end", error.Path);
        Assert.StartsWith("\"2025-07-01T08:00:00\"", json[(int)error.Position..], StringComparison.Ordinal);
        Assert.False(TimeFrameJson.TryDeserializeList(json, out var frames, out var tryError));
        Assert.Null(frames);
        Assert.Equal(error.Path, tryError.Path);
    }

    [Theory]
    [InlineData("{}", "$", "Expected an array of time frames, found an object")]
    [InlineData("[{}]", "$[0]", "needs the property 'name'")]
    [InlineData("[]x", "$", "not valid JSON")]
    public void DeserializeList_Malformed_Throws(string json, string path, string message)
    {
        var error = Assert.Throws<TimeFrameFormatException>(() => TimeFrameJson.DeserializeList(json));

        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streams_RoundTrip()
    {
        var frames = Kinds.Select(kind => Example(kind).Frame).ToArray();
        using var stream = new MemoryStream();

        await TimeFrameJson.SerializeListAsync(stream, frames, indented: true);
        stream.Position = 0;
        var read = await TimeFrameJson.DeserializeListAsync(stream);

        Assert.Equal(frames, read);
        stream.SetLength(0);
        await TimeFrameJson.SerializeAsync(stream, frames[3]);
        stream.Position = 0;
        Assert.Equal(frames[3], await TimeFrameJson.DeserializeAsync(stream));
    }

    [Fact]
    public void Converter_FramesInsideHostDocument_RoundTrip()
    {
        var options = HostOptions;
        var dto = new HostDocument { Id = 7, Frame = Example("custom").Frame, Frames = [Example("always").Frame, Example("holidays").Frame] };

        var json = JsonSerializer.Serialize(dto, options);
        var read = JsonSerializer.Deserialize<HostDocument>(json, options)!;

        Assert.StartsWith("{\"Id\":7,\"Frame\":{\"name\":\"After Hours\",", json, StringComparison.Ordinal);
        Assert.Equal(dto.Frame, read.Frame);
        Assert.Equal(dto.Frames, read.Frames);
        Assert.Null(JsonSerializer.Deserialize<HostDocument>("{\"Id\":1,\"Frame\":null}", options)!.Frame);
    }

    [Fact]
    public void Converter_InvalidFrame_ThrowsJsonExceptionWithFormatExceptionInside()
    {
        var options = HostOptions;
        var json = "{\"Id\":1,\n\"Frame\":{\"name\":\"x\",\"owner\":\"domain\",\"timeZone\":\"UTC\",\"definition\":{\"kind\":\"daysOfWeek\",\"days\":[{\"day\":\"monday\",\"ranges\":[\"9-5\"]}]}}}";

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<HostDocument>(json, options));

        var inner = Assert.IsType<TimeFrameFormatException>(error.InnerException);
        Assert.Equal("$.definition.days[0].ranges[0]", inner.Path);
        Assert.Contains("'9-5' is not a time range", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("$.Frame", error.Path, StringComparison.Ordinal);
        Assert.Equal(1, error.LineNumber);
    }

    [Fact]
    public void Converter_ReadsWithTheGivenProvider()
    {
        var options = TzdbHostOptions;

        var read = JsonSerializer.Deserialize<HostDocument>("{\"Frame\":" + TimeFrameJson.Serialize(Example("always").Frame) + "}", options)!;

        Assert.Equal(Example("always").Frame, read.Frame);
    }

    private sealed class HostDocument
    {
        public int Id { get; set; }

        public TimeFrame? Frame { get; set; }

        public List<TimeFrame>? Frames { get; set; }
    }

    private const string CompactList = """[{"name":"Always Open","owner":"domain","timeZone":"America/New_York","definition":{"kind":"always"}},{"name":"Early Release","owner":{"user":"202"},"timeZone":"America/New_York","definition":{"kind":"daysOfWeek","days":[{"day":"friday","ranges":["13:00-17:00"]},{"day":"saturday","ranges":["08:00-12:00"]}],"recurrence":{"every":1,"unit":"week"},"startDate":"2025-01-03","end":{"on":"2025-12-31"}}}]""";

    private static (TimeFrame Frame, string Json) Example(string kind) => kind switch
    {
        "always" => (
            new TimeFrame("Always Open", TimeFrameOwner.Domain, NewYork, AlwaysDefinition.Instance),
            """
            {
              "name": "Always Open",
              "owner": "domain",
              "timeZone": "America/New_York",
              "definition": {
                "kind": "always"
              }
            }
            """),
        "daysOfWeek" => (
            new TimeFrame(
                "Early Release",
                TimeFrameOwner.User("202"),
                NewYork,
                new DaysOfWeekDefinition(
                    new DaySchedule(IsoDayOfWeek.Friday, TimeRange.Parse("13:00-17:00")),
                    new DaySchedule(IsoDayOfWeek.Saturday, TimeRange.Parse("08:00-12:00")))
                {
                    Recurrence = DaysOfWeekRecurrence.EveryWeek,
                    StartDate = new LocalDate(2025, 1, 3),
                    End = RecurrenceEnd.On(new LocalDate(2025, 12, 31)),
                }),
            """
            {
              "name": "Early Release",
              "owner": {
                "user": "202"
              },
              "timeZone": "America/New_York",
              "definition": {
                "kind": "daysOfWeek",
                "days": [
                  {
                    "day": "friday",
                    "ranges": [
                      "13:00-17:00"
                    ]
                  },
                  {
                    "day": "saturday",
                    "ranges": [
                      "08:00-12:00"
                    ]
                  }
                ],
                "recurrence": {
                  "every": 1,
                  "unit": "week"
                },
                "startDate": "2025-01-03",
                "end": {
                  "on": "2025-12-31"
                }
              }
            }
            """),
        "specificDates" => (
            new TimeFrame(
                "Winter Break",
                TimeFrameOwner.Domain,
                NewYork,
                new SpecificDatesDefinition(
                    new SpecificDateInterval(new LocalDateTime(2025, 7, 3, 12, 0), new LocalDateTime(2025, 7, 7, 8, 0)),
                    new SpecificDateInterval(
                        new LocalDateTime(2025, 12, 23, 17, 0),
                        new LocalDateTime(2026, 1, 4, 8, 0),
                        new DateRecurrence(DateFrequency.Yearly, 1, RecurrenceEnd.On(new LocalDate(2030, 12, 31)))))),
            """
            {
              "name": "Winter Break",
              "owner": "domain",
              "timeZone": "America/New_York",
              "definition": {
                "kind": "specificDates",
                "intervals": [
                  {
                    "start": "2025-07-03T12:00:00",
                    "end": "2025-07-07T08:00:00"
                  },
                  {
                    "start": "2025-12-23T17:00:00",
                    "end": "2026-01-04T08:00:00",
                    "recurrence": {
                      "frequency": "yearly",
                      "every": 1,
                      "end": {
                        "on": "2030-12-31"
                      }
                    }
                  }
                ]
              }
            }
            """),
        "holidays" => (
            new TimeFrame(
                "Company Holidays",
                TimeFrameOwner.Domain,
                NewYork,
                new HolidaysDefinition(
                    HolidaySelection.FromCalendar("US", "independence-day") with { Until = new LocalDate(2030, 12, 31) },
                    HolidaySelection.FromCalendar("US", "juneteenth") with { OnlyInYear = 2025 },
                    HolidaySelection.FromCompany(new CompanyHoliday("founders-day", "Founders Day", new FixedDateHolidayRule(3, 14))) with
                    {
                        Time = TimeRange.Parse("08:00-12:00"),
                    },
                    HolidaySelection.FromCompany(new CompanyHoliday("summer-picnic", "Summer Picnic", new WeekdayOfMonthHolidayRule(6, IsoDayOfWeek.Friday, WeekdayOrdinal.Second))),
                    HolidaySelection.FromCompany(new CompanyHoliday("good-friday", "Good Friday", new EasterOffsetHolidayRule(-2))))),
            """
            {
              "name": "Company Holidays",
              "owner": "domain",
              "timeZone": "America/New_York",
              "definition": {
                "kind": "holidays",
                "holidays": [
                  {
                    "country": "US",
                    "holiday": "independence-day",
                    "time": "00:00-00:00",
                    "until": "2030-12-31"
                  },
                  {
                    "country": "US",
                    "holiday": "juneteenth",
                    "time": "00:00-00:00",
                    "onlyInYear": 2025
                  },
                  {
                    "company": {
                      "id": "founders-day",
                      "name": "Founders Day",
                      "rule": {
                        "kind": "fixedDate",
                        "month": 3,
                        "day": 14
                      }
                    },
                    "time": "08:00-12:00"
                  },
                  {
                    "company": {
                      "id": "summer-picnic",
                      "name": "Summer Picnic",
                      "rule": {
                        "kind": "weekdayOfMonth",
                        "month": 6,
                        "day": "friday",
                        "ordinal": "second"
                      }
                    },
                    "time": "00:00-00:00"
                  },
                  {
                    "company": {
                      "id": "good-friday",
                      "name": "Good Friday",
                      "rule": {
                        "kind": "easterOffset",
                        "days": -2
                      }
                    },
                    "time": "00:00-00:00"
                  }
                ],
                "observed": {
                  "workWeek": [
                    "monday",
                    "tuesday",
                    "wednesday",
                    "thursday",
                    "friday"
                  ],
                  "monday": "notMoved",
                  "tuesday": "notMoved",
                  "wednesday": "notMoved",
                  "thursday": "notMoved",
                  "friday": "notMoved",
                  "saturday": "precedingWorkday",
                  "sunday": "followingWorkday",
                  "keepActualDay": true
                }
              }
            }
            """),
        _ => (
            new TimeFrame(
                "After Hours",
                TimeFrameOwner.User("202"),
                DateTimeZoneProviders.Tzdb["Europe/London"],
                new CustomDefinition(
                    new DaysOfWeekDefinition(new DaySchedule(IsoDayOfWeek.Monday, TimeRange.Parse("18:00-08:00")))
                    {
                        Recurrence = DaysOfWeekRecurrence.Monthly(WeekdayOrdinal.First),
                        StartDate = new LocalDate(2025, 1, 6),
                        End = RecurrenceEnd.After(12),
                    },
                    new SpecificDatesDefinition(new SpecificDateInterval(new LocalDateTime(2025, 12, 24, 12, 0), new LocalDateTime(2025, 12, 27, 0, 0))),
                    new HolidaysDefinition(HolidaySelection.FromCalendar("US", "independence-day")) { Observed = ObservedHolidayRules.None })),
            """
            {
              "name": "After Hours",
              "owner": {
                "user": "202"
              },
              "timeZone": "Europe/London",
              "definition": {
                "kind": "custom",
                "children": [
                  {
                    "kind": "daysOfWeek",
                    "days": [
                      {
                        "day": "monday",
                        "ranges": [
                          "18:00-08:00"
                        ]
                      }
                    ],
                    "recurrence": {
                      "every": 1,
                      "unit": "month",
                      "ordinal": "first"
                    },
                    "startDate": "2025-01-06",
                    "end": {
                      "after": 12
                    }
                  },
                  {
                    "kind": "specificDates",
                    "intervals": [
                      {
                        "start": "2025-12-24T12:00:00",
                        "end": "2025-12-27T00:00:00"
                      }
                    ]
                  },
                  {
                    "kind": "holidays",
                    "holidays": [
                      {
                        "country": "US",
                        "holiday": "independence-day",
                        "time": "00:00-00:00"
                      }
                    ],
                    "observed": {
                      "workWeek": [
                        "monday",
                        "tuesday",
                        "wednesday",
                        "thursday",
                        "friday"
                      ],
                      "monday": "notMoved",
                      "tuesday": "notMoved",
                      "wednesday": "notMoved",
                      "thursday": "notMoved",
                      "friday": "notMoved",
                      "saturday": "notMoved",
                      "sunday": "notMoved",
                      "keepActualDay": true
                    }
                  }
                ]
              }
            }
            """),
    };

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' not found in the example.");
        return string.Concat(text.AsSpan(0, at), replace, text.AsSpan(at + find.Length));
    }

    private static long LineOf(string json, long bytePosition)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        return bytes.AsSpan(0, (int)bytePosition).Count((byte)'\n') + 1;
    }

    private static string Documentation()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "K7.Sdk.sln")))
        {
            dir = dir.Parent;
        }

        var root = dir?.FullName ?? throw new InvalidOperationException("K7.Sdk.sln not found above the test directory.");
        return File.ReadAllText(Path.Combine(root, "docs", "timeframes-json.md")).ReplaceLineEndings("\n");
    }
}
