using System.Text;
using System.Text.Json;
using static K7.Routing.Tests.Serialization.AnsweringRulesJsonExamples;

namespace K7.Routing.Tests.Serialization;

public sealed class AnsweringRulesJsonTests
{
    /// <summary>Edits of the documented example: find, replace, expected path, expected part of the message.</summary>
    public static TheoryData<string, string, string, string> Errors() => new()
    {
        // Not JSON at all.
        { "\"Front desk\"\n", "\"Front desk\",\n", "$.allow[0]", "not valid JSON" },
        { "\"user\": \"202\"", "\"user\": \"202", "$.user", "not valid JSON" },
        { "\n}", "\n} {}", "$", "not valid JSON" },

        // Missing required properties: the path of the object that lacks one.
        { "\"user\": \"202\",\n  ", string.Empty, "$", "A rule set needs the property 'user'" },
        { "\"timeFrame\": \"Out of Office\",", string.Empty, "$.rules[0]", "A rule needs the property 'timeFrame'" },
        { "\"kind\": \"device\",", string.Empty, "$.default.ring.targets[0].destination", "A destination needs the property 'kind'" },
        { "\"mode\": \"simultaneous\",", string.Empty, "$.default.ring", "A ring needs the property 'mode'" },
        { "\"number\": \"+15551230000\",", string.Empty, "$.allow[0]", "A list entry needs the property 'number'" },

        // Unknown properties and enum values, with a suggestion for near misses.
        { "\"whenUnanswered\"", "\"whenUnanswred\"", "$.rules[0].forwarding.whenUnanswred", "Unknown property 'whenUnanswred' in forwarding; expected 'always', 'onActive', 'whenBusy', 'whenUnanswered', 'whenOffline' or 'onDoNotDisturb' (did you mean 'whenUnanswered'?)" },
        { "\"ringTimeoutSeconds\"", "\"ringTimeout\"", "$.ringTimeout", "(did you mean 'ringTimeoutSeconds'?)" },
        { "\"name\": \"Spam\"", "\"label\": \"Spam\"", "$.block[0].label", "Unknown property 'label' in a list entry; expected 'number' or 'name'." },
        { "\"kind\": \"device\"", "\"kind\": \"Device\"", "$.default.ring.targets[0].destination.kind", "names are case-sensitive: did you mean 'device'?" },
        { "\"kind\": \"externalNumber\"", "\"kind\": \"number\"", "$.rules[2].forwarding.whenUnanswered.kind", "'number' is not a kind of destination; expected 'user', 'device', 'userDevices', 'externalNumber', 'voicemail', 'conference' or 'other' (did you mean 'externalNumber'?)" },
        { "\"mode\": \"userExtension\"", "\"mode\": \"extension\"", "$.rules[1].ring.mode", "'extension' is not a ring mode; expected 'userExtension' or 'simultaneous' (did you mean 'userExtension'?)" },
        { "\"enabled\": true,\n    \"doNotDisturb\"", "\"timeFrame\": \"Lunch\",\n    \"enabled\": true,\n    \"doNotDisturb\"", "$.default.timeFrame", "The default rule has no time frame" },

        // Repeated or contradictory properties.
        { "\"enabled\": false,", "\"enabled\": false, \"enabled\": true,", "$.rules[5].enabled", "The property 'enabled' appears twice in a rule." },
        { "\"mode\": \"userExtension\"", "\"mode\": \"userExtension\", \"targets\": []", "$.rules[1].ring.targets", "'targets' is only allowed with \"mode\": \"simultaneous\"" },

        // Numbers of the lists.
        { "\"+15551230000\"", "\"555-123\"", "$.allow[0].number", "'555-123' is not a phone number: too short" },
        { "\"+15551230000\"", "\"555-CALL-NOW\"", "$.allow[0].number", "'555-CALL-NOW' is not a phone number: not a number: unexpected character 'C'" },
        { "\"+442079460958\"", "\"(555) 123-1111\"", "$.block[1].number", "+15551231111 is already in the list (at position 0)" },

        // Values of the wrong type.
        { "\"user\": \"202\"", "\"user\": 202", "$.user", "Expected the user's id as a string, found a number." },
        { "\"ringTimeoutSeconds\": 30", "\"ringTimeoutSeconds\": \"30\"", "$.ringTimeoutSeconds", "Expected the ring timeout in seconds as an integer, found a string." },
        { "\"ringTimeoutSeconds\": 30", "\"ringTimeoutSeconds\": 30.5", "$.ringTimeoutSeconds", "as an integer, found 30.5." },
        { "\"voicemail\": true", "\"voicemail\": \"yes\"", "$.voicemail", "Expected true or false, found a string." },
        { "\"delaySeconds\": 5", "\"delaySeconds\": \"5s\"", "$.rules[4].ring.targets[0].delaySeconds", "Expected the delay in seconds as an integer, found a string." },
        { "\"forwarding\": {}", "\"forwarding\": []", "$.default.forwarding", "Expected forwarding as an object" },
        { "\"timeFrame\": \"Lunch\"", "\"timeFrame\": null", "$.rules[5].timeFrame", "Expected the time frame's name as a string, found null." },

        // Well formed, but the rules are invalid: the model's reason, with its field as a JSON path.
        { "\"whenUnanswered\"", "\"whenBusy\"", "$.rules[0].forwarding.whenBusy", "\"When busy\" is only available with \"just ring user's extension\"" },
        { "\"ringTimeoutSeconds\": 30", "\"ringTimeoutSeconds\": 3", "$.ringTimeoutSeconds", "Ring for 5 to 300 whole seconds; 3 is outside that." },
        { "\"delaySeconds\": 10", "\"delaySeconds\": 11", "$.rules[4].ring.targets[1].delaySeconds", "A ring delay is 0 to 10 whole seconds; 11 is outside that." },
        { "\"timeFrame\": \"Lunch\"", "\"timeFrame\": \"office HOURS\"", "$.rules[5].timeFrame", "The time frame 'office HOURS' already has a rule (at position 2)." },
        { "\"timeFrame\": \"Lunch\"", "\"timeFrame\": \"default\"", "$.rules[5].timeFrame", "'Default' is the name of the Default rule" },
        { "\"timeFrame\": \"Lunch\"", "\"timeFrame\": \"  \"", "$.rules[5].timeFrame", "Select the time frame during which the rule applies." },
        { "\"value\": \"+15555550123\"", "\"value\": \"555-555-0123\"", "$.rules[2].forwarding.whenUnanswered.value", "'555-555-0123' is not an E.164 number" },
        { "\"kind\": \"user\",\n          \"value\": \"207\"", "\"kind\": \"userDevices\",\n          \"value\": \"207\"", "$.rules[0].forwarding.whenUnanswered", "\"all phones of a user\" is a ring target" },
        { "\"kind\": \"userDevices\"", "\"kind\": \"conference\"", "$.rules[4].ring.targets[1].destination", "not a voicemail box or a conference" },
        { "\"kind\": \"userDevices\",\n              \"value\": \"207\"", "\"kind\": \"externalNumber\",\n              \"value\": \"+15555550123\"", "$.rules[4].ring.targets[1].destination", "+15555550123 is already a ring target (at position 0)." },
        { "\"user\": \"202\"", "\"user\": \" \"", "$.user", "A user is required." },
        { "\"value\": \"202wp\"", "\"value\": \"\"", "$.default.ring.targets[0].destination.value", "A destination needs a value" },
    };

    /// <summary>Whole documents: the JSON, the expected path and part of the message.</summary>
    public static TheoryData<string, string, string> DocumentErrors() => new()
    {
        { "{}", "$", "A rule set needs the property 'user'." },
        { "[]", "$", "Expected a rule-set object such as {\"user\": \"202\"}, found an array." },
        { "", "$", "not valid JSON" },
        { "{\"user\":\"202\",\"rules\":[{\"timeFrame\":\"x\",\"ring\":{\"mode\":\"simultaneous\",\"includeUserExtension\":false}}]}", "$.rules[0].ring", "Simultaneous ring needs something to ring" },
        { "{\"user\":\"202\",\"default\":{\"forwarding\":{\"whenBusy\":{\"kind\":\"voicemail\",\"value\":\"202\"}},\"ring\":{\"mode\":\"simultaneous\"}}}", "$.default.forwarding.whenBusy", "\"When busy\" is only available" },
        { "{\"user\":\"202\",\"rules\":[{\"timeFrame\":\"a\"},{\"timeFrame\":\"A\"}]}", "$.rules[1].timeFrame", "already has a rule (at position 0)" },
        { "{\"user\":\"202\",\"ringTimeoutSeconds\":9999999999}", "$.ringTimeoutSeconds", "as an integer, found 9999999999." },
        { "{\"user\":\"202\",\"simultaneousRing\":{}}", "$.simultaneousRing", "Unknown property 'simultaneousRing' in a rule set" },
        { "{\"user\":\"202\",\"default\":{\"simultaneousRing\":{}}}", "$.default.simultaneousRing", "(did you mean 'ring'?)" },
        { "{\"user\":\"202\",\"default\":{\"ring\":{\"mode\":\"simultaneousRing\"}}}", "$.default.ring.mode", "(did you mean 'simultaneous'?)" },
        { "{\"user\":\"202\",\"allow\":[\"+15551230000\"]}", "$.allow[0]", "Expected a list entry such as {\"number\": \"+15551231111\", \"name\": \"Front desk\"}, found a string." },
        { "{\"user\":\"202\",\"odd name\":1}", "$['odd name']", "Unknown property 'odd name'" },
        { "{\"user\":\"202\"", "$", "The text is not valid JSON: Expected depth to be zero at the end of the JSON payload." },
    };

    [Fact]
    public void Serialize_Example_MatchesDocumentedText()
    {
        var json = AnsweringRulesJson.Serialize(Ellen(), indented: true);

        Assert.Equal(EllenJson, json);
        Assert.Contains($"```json\n{EllenJson}\n```", Documentation(), StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_Example_EqualsRuleSet()
    {
        Assert.Equal(Ellen(), AnsweringRulesJson.Deserialize(EllenJson));
        Assert.Equal(Ellen(), AnsweringRulesJson.Deserialize(Encoding.UTF8.GetBytes(EllenJson)));
        Assert.Equal(Ellen(), AnsweringRulesJson.Deserialize(AnsweringRulesJson.Serialize(Ellen())));
        Assert.Equal(Ellen(), AnsweringRulesJson.Deserialize(AnsweringRulesJson.SerializeToUtf8Bytes(Ellen())));
    }

    [Fact]
    public void Serialize_DefaultRuleSet_WritesEveryDefault()
    {
        var json = AnsweringRulesJson.Serialize(AnsweringRuleSet.CreateDefault("202"));

        Assert.Equal(MinimalCompact, json);
        Assert.Contains($"```json\n{MinimalCompact}\n```", Documentation(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"user\": \"202\"}")]
    [InlineData("{\"user\": \"202\", \"ringTimeoutSeconds\": null, \"voicemail\": null, \"blockAnonymous\": null, \"allow\": null, \"block\": null, \"default\": null, \"rules\": null}")]
    [InlineData("{\"user\": \"202\", \"default\": {}, \"allow\": [], \"block\": [], \"rules\": []}")]
    [InlineData("{\"user\": \"202\", \"default\": {\"enabled\": null, \"doNotDisturb\": null, \"callScreening\": null, \"forwarding\": null, \"ring\": null}}")]
    [InlineData("{\"user\": \"202\", \"default\": {\"forwarding\": {\"always\": null, \"whenBusy\": null}, \"ring\": {\"mode\": \"userExtension\"}}}")]
    [InlineData("{\"user\": \"202\", \"default\": {\"ring\": {\"mode\": \"userExtension\", \"includeUserExtension\": null, \"targets\": null}}}")]
    public void Deserialize_OptionalPropertiesLeftOutOrNull_TakeTheirDefaults(string json)
    {
        Assert.Equal(AnsweringRuleSet.CreateDefault("202"), AnsweringRulesJson.Deserialize(json));
    }

    [Fact]
    public void Deserialize_SimultaneousRingWithDefaults_TakesTheModelDefaults()
    {
        var json = """{"user": "202", "rules": [{"timeFrame": "Lunch", "ring": {"mode": "simultaneous", "targets": [{"destination": {"kind": "device", "value": "202wp"}}]}}]}""";

        var rule = AnsweringRulesJson.Deserialize(json).Rules[0];

        var expected = new SimultaneousRing { Targets = [new RingTarget(Destination.Device("202wp"))] };
        Assert.Equal(expected, rule.SimultaneousRing);
        Assert.True(rule.SimultaneousRing!.IncludeUserExtension);
        Assert.True(rule.Enabled);
    }

    [Fact]
    public void Deserialize_AnyPropertyOrderAndComments_Reads()
    {
        var json = """
            // Ellen's rules, edited by hand.
            {
              "rules": [
                {
                  "ring": { "targets": [ { "delaySeconds": 0, "destination": { "value": "202wp", "kind": "device" } } ], "mode": "simultaneous" },
                  "forwarding": { "whenUnanswered": { "value": "207", "kind": "user" } },
                  "timeFrame": "Out of Office" /* the holiday frame */
                }
              ],
              "default": { "ring": { "mode": "userExtension" } },
              "user": "202"
            }
            """;

        var rules = AnsweringRulesJson.Deserialize(json);

        Assert.Equal(
            AnsweringRuleSet.CreateDefault("202").Add(AnsweringRule.For("Out of Office") with
            {
                Forwarding = new CallForwarding { WhenUnanswered = Destination.User("207") },
                SimultaneousRing = new SimultaneousRing { Targets = [new RingTarget(Destination.Device("202wp"))] },
            }),
            rules);
    }

    [Theory]
    [InlineData("555-123-1111")]
    [InlineData("(555) 123-1111")]
    [InlineData("555.123.1111")]
    [InlineData("1 555 123 1111")]
    [InlineData("+1 (555) 123-1111")]
    [InlineData("  5551231111  ")]
    [InlineData("+15551231111")]
    public void Deserialize_NumberAsPeopleTypeIt_IsWrittenInE164(string typed)
    {
        var json = $$"""{"user": "202", "block": [{"number": "{{typed}}", "name": "  Spam "}]}""";

        var rules = AnsweringRulesJson.Deserialize(json);

        var entry = Assert.Single(rules.BlockList);
        Assert.Equal(UsNumbers.Parse("+15551231111"), entry.Number);
        Assert.Equal("Spam", entry.Name);
        Assert.Contains("\"block\":[{\"number\":\"+15551231111\",\"name\":\"Spam\"}]", AnsweringRulesJson.Serialize(rules), StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_WithCanonicalizer_ReadsNationalNumbersOfItsRegion()
    {
        var json = """{"user": "202", "allow": [{"number": "020 7946 0958"}]}""";
        var london = new PhoneNumberCanonicalizer("GB");

        var rules = AnsweringRulesJson.Deserialize(json, london);

        Assert.Equal("+442079460958", Assert.Single(rules.AllowList).Number.ToString());
        Assert.Equal(rules, AnsweringRulesJson.Deserialize(Encoding.UTF8.GetBytes(json), london));
        Assert.True(AnsweringRulesJson.TryDeserialize(json, london, out var tried, out _));
        Assert.Equal(rules, tried);
        Assert.False(AnsweringRulesJson.TryDeserialize(json, out _, out var error));
        Assert.Equal("$.allow[0].number", error.Field);
    }

    [Fact]
    public void Deserialize_CanonicalKeyThatIsNoPossibleNumber_ReadsBackAsWritten()
    {
        // The model accepts any key (the tolerant canonicalizer and the key's constructor make such keys); what the
        // serializer writes must read back, so canonical E.164 text is taken as it is.
        var rules = AnsweringRuleSet.CreateDefault("202").WithLists(NumberList.Create([new NumberListEntry(new PhoneNumberKey(1234))]), NumberList.Empty);

        var json = AnsweringRulesJson.Serialize(rules);

        Assert.Contains("\"number\":\"+1234\"", json, StringComparison.Ordinal);
        Assert.Equal(rules, AnsweringRulesJson.Deserialize(json));
        Assert.False(AnsweringRulesJson.TryDeserialize(json.Replace("+1234", "1234", StringComparison.Ordinal), out _, out var error));
        Assert.Contains("'1234' is not a phone number", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void Deserialize_MalformedOrInvalid_ThrowsWithPathLineAndPosition(string find, string replace, string path, string message)
    {
        var json = ReplaceFirst(EllenJson, find, replace);

        var error = Assert.Throws<RoutingFormatException>(() => AnsweringRulesJson.Deserialize(json));

        AssertLocated(json, error, path, message);
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void TryDeserialize_MalformedOrInvalid_ReturnsFalseWithTheSameError(string find, string replace, string path, string message)
    {
        var json = ReplaceFirst(EllenJson, find, replace);

        var ok = AnsweringRulesJson.TryDeserialize(json, out var rules, out var error);
        var okUtf8 = AnsweringRulesJson.TryDeserialize(Encoding.UTF8.GetBytes(json), out var rulesUtf8, out var errorUtf8);

        Assert.False(ok);
        Assert.Null(rules);
        AssertLocated(json, error!, path, message);
        Assert.False(okUtf8);
        Assert.Null(rulesUtf8);
        Assert.Equal(error!.Message, errorUtf8!.Message);
        Assert.Equal(error.Position, errorUtf8.Position);
    }

    [Theory]
    [MemberData(nameof(DocumentErrors))]
    public void Deserialize_InvalidDocument_ThrowsWithPathAndMessage(string json, string path, string message)
    {
        var error = Assert.Throws<RoutingFormatException>(() => AnsweringRulesJson.Deserialize(json));

        AssertLocated(json, error, path, message);
    }

    [Fact]
    public void Deserialize_WhenBusyWithSimultaneousRing_WrapsValidationExceptionNamingTheField()
    {
        var json = ReplaceFirst(EllenJson, "\"whenUnanswered\"", "\"whenBusy\"");

        var error = Assert.Throws<RoutingFormatException>(() => AnsweringRulesJson.Deserialize(json));

        var inner = Assert.IsType<RoutingValidationException>(error.InnerException);
        Assert.Equal("Rules[0].Forwarding.WhenBusy", inner.Field);
        Assert.Equal("$.rules[0].forwarding.whenBusy", error.Field);
        Assert.Contains(inner.Reason, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("{\n          \"kind\": \"user\"", At(json, error.Position), StringComparison.Ordinal);
        Assert.Equal(49, error.Line);
        Assert.EndsWith("(line 49, column 21)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_InvalidSetWithoutTheOffendingProperty_PointsAtItsDeepestAncestor()
    {
        // The rule has no ring targets and rings neither extension nor phones: the field is the ring itself.
        var json = "{\"user\": \"202\",\n \"rules\": [{\"timeFrame\": \"x\",\n \"ring\": {\"mode\": \"simultaneous\", \"includeUserExtension\": false}}]}";

        var error = Assert.Throws<RoutingFormatException>(() => AnsweringRulesJson.Deserialize(json));

        Assert.Equal("$.rules[0].ring", error.Field);
        Assert.StartsWith("{\"mode\"", At(json, error.Position), StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Deserialize_TooManyRules_PointsAtTheArray()
    {
        var rules = string.Join(",", Enumerable.Range(0, AnsweringRuleSet.MaxRules + 1).Select(i => $"{{\"timeFrame\": \"Frame {i}\"}}"));
        var json = $"{{\"user\": \"202\", \"rules\": [{rules}]}}";

        var error = Assert.Throws<RoutingFormatException>(() => AnsweringRulesJson.Deserialize(json));

        Assert.Equal("$.rules", error.Field);
        Assert.Contains("at most 100 rules", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("[{", At(json, error.Position), StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_BadNumber_PointsAtTheValue()
    {
        var json = ReplaceFirst(EllenJson, "\"+15551230000\"", "\"555-123\"");

        var error = Assert.Throws<RoutingFormatException>(() => AnsweringRulesJson.Deserialize(json));

        Assert.StartsWith("\"555-123\"", At(json, error.Position), StringComparison.Ordinal);
        Assert.Equal(8, error.Line);
        Assert.Equal("$.allow[0].number: '555-123' is not a phone number: too short (position 7) (line 8, column 17)", error.Message);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public void Deserialize_MalformedJson_GivesReaderLineAndPosition()
    {
        var json = "{\n  \"user\": \"202\",\n  \"voicemail\": yes\n}";

        var error = Assert.Throws<RoutingFormatException>(() => AnsweringRulesJson.Deserialize(json));

        Assert.Equal("$.voicemail", error.Field);
        Assert.Equal(3, error.Line);
        Assert.Equal(json.IndexOf("yes", StringComparison.Ordinal), error.Position);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("{")]
    [InlineData("{\"user\":\"202\"} trailing")]
    [InlineData("{\"user\":\"\\ud800\"}")]
    [InlineData("{\"user\":\"202\",\"rules\":[[]]}")]
    [InlineData("{\"user\":\"202\",\"allow\":[{\"number\":\"\"}]}")]
    [InlineData("{\"user\":\"202\",\"allow\":[{\"number\":\"+\"}]}")]
    [InlineData("{\"user\":\"202\",\"allow\":[{\"number\":\"+0123\"}]}")]
    [InlineData("{\"user\":\"202\",\"allow\":[{\"number\":\"+9999999999999999\"}]}")]
    [InlineData("{\"user\":\"202\",\"ringTimeoutSeconds\":-2147483648}")]
    [InlineData("{\"user\":\"202\",\"default\":{\"ring\":{\"mode\":\"simultaneous\",\"targets\":[{\"destination\":{\"kind\":\"device\",\"value\":\"x\"},\"delaySeconds\":2147483647}]}}}")]
    public void TryDeserialize_BadInput_ReturnsFalse(string json)
    {
        Assert.False(AnsweringRulesJson.TryDeserialize(json, out var rules, out var error));
        Assert.Null(rules);
        Assert.StartsWith("$", error.Field, StringComparison.Ordinal);
        Assert.StartsWith(error.Field + ": ", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void TryDeserialize_InvalidUtf8_ReturnsFalse()
    {
        byte[] json = [.. "{\"user\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        Assert.False(AnsweringRulesJson.TryDeserialize(json, out _, out var error));
        Assert.Equal("$.user", error.Field);
    }

    [Fact]
    public void Deserialize_Utf8WithByteOrderMark_Reads()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(EllenJson)];

        Assert.Equal(Ellen(), AnsweringRulesJson.Deserialize(bytes));
    }

    [Fact]
    public void Serialize_NonAsciiAndMarkup_WrittenAsIsAndReadBack()
    {
        var rules = AnsweringRuleSet.CreateDefault("Zürich <Büro> & \"Co\" 😀")
            .Add(AnsweringRule.For("Mittagspause \\ 日本") with { Forwarding = new CallForwarding { Always = Destination.Other("sip:queue@pbx.example.com?x='1'") } });

        var json = AnsweringRulesJson.Serialize(rules);

        // Characters outside the Basic Multilingual Plane are escaped as surrogate pairs.
        Assert.StartsWith("""{"user":"Zürich <Büro> & \"Co\" \uD83D\uDE00","ringTimeoutSeconds":25,""", json, StringComparison.Ordinal);
        Assert.Contains("""{"timeFrame":"Mittagspause \\ 日本",""", json, StringComparison.Ordinal);
        Assert.Contains("""{"kind":"other","value":"sip:queue@pbx.example.com?x='1'"}""", json, StringComparison.Ordinal);
        Assert.Equal(rules, AnsweringRulesJson.Deserialize(json));
    }

    [Fact]
    public void Replace_TextWithLoneSurrogate_IsRefusedBeforeItCanBeSerialized()
    {
        var error = Assert.Throws<RoutingValidationException>(() => AnsweringRuleSet.CreateDefault("202").Replace(AnsweringRule.Default with
        {
            Forwarding = new CallForwarding { Always = Destination.Device("phone \uD800") },
        }));

        Assert.Equal("Default.Forwarding.Always.Value", error.Field);
    }

    [Fact]
    public void Members_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => AnsweringRulesJson.Serialize(null!));
        Assert.Throws<ArgumentNullException>(() => AnsweringRulesJson.Deserialize((string)null!));
        Assert.Throws<ArgumentNullException>(() => AnsweringRulesJson.Deserialize(EllenJson, null!));
        Assert.Throws<ArgumentNullException>(() => AnsweringRulesJson.TryDeserialize((string)null!, out _, out _));
        Assert.Throws<ArgumentNullException>(() => new AnsweringRuleSetJsonConverter(null!));
    }

    internal static void AssertLocated(string json, RoutingFormatException error, string path, string message)
    {
        Assert.Equal(path, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.InRange(error.Position, 0, Encoding.UTF8.GetByteCount(json));
        Assert.Equal(LineOf(json, error.Position), error.Line);
        Assert.EndsWith($"(line {error.Line}, column {ColumnOf(json, error.Position)})", error.Message, StringComparison.Ordinal);
    }

    internal static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' not found in the example.");
        return string.Concat(text.AsSpan(0, at), replace, text.AsSpan(at + find.Length));
    }

    /// <summary>The text from a byte offset on.</summary>
    private static string At(string json, long bytePosition) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(json).AsSpan((int)bytePosition));

    private static long LineOf(string json, long bytePosition) =>
        Encoding.UTF8.GetBytes(json).AsSpan(0, (int)bytePosition).Count((byte)'\n') + 1;

    private static long ColumnOf(string json, long bytePosition)
    {
        var before = Encoding.UTF8.GetBytes(json).AsSpan(0, (int)bytePosition);
        return before.Length - before.LastIndexOf((byte)'\n');
    }

    private const string MinimalCompact = """{"user":"202","ringTimeoutSeconds":25,"voicemail":true,"blockAnonymous":false,"allow":[],"block":[],"default":{"enabled":true,"doNotDisturb":false,"callScreening":false,"forwarding":{},"ring":{"mode":"userExtension"}},"rules":[]}""";

    private static string Documentation()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "K7.Sdk.sln")))
        {
            dir = dir.Parent;
        }

        var root = dir?.FullName ?? throw new InvalidOperationException("K7.Sdk.sln not found above the test directory.");
        return File.ReadAllText(Path.Combine(root, "docs", "routing-json.md")).ReplaceLineEndings("\n");
    }
}
