using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using K7.Json;
using NodaTime;

namespace K7.Routing;

/// <summary>Reads answering rules in the JSON format of docs/routing-json.md with a <see cref="Utf8JsonReader"/>.</summary>
/// <remarks>
/// <para>Every problem becomes a <see cref="RoutingFormatException"/> carrying the JSON path; when the reader owns the
/// whole document (not inside a host's document, through <see cref="AnsweringRuleSetJsonConverter"/>) it also carries
/// the byte offset and the line. Unknown and repeated properties are rejected; properties may come in any order;
/// optional properties may be left out or be <c>null</c>.</para>
/// <para>Errors are thrown and caught by the <c>Try</c> methods: a caller that wants the error needs the exception
/// object anyway, and malformed input is the rare case.</para>
/// </remarks>
internal ref struct RoutingJsonReader
{
    /// <summary>The reader options of documents read by <see cref="AnsweringRulesJson"/>: comments allowed and skipped.</summary>
    public static readonly JsonReaderOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    private readonly PhoneNumberCanonicalizer _numbers;
    private readonly List<(string? Name, int Index)> _path = [];
    private readonly ReadOnlySpan<byte> _document;
    private readonly bool _ownsDocument;
    private Utf8JsonReader _reader;

    private RoutingJsonReader(ReadOnlySpan<byte> document, PhoneNumberCanonicalizer numbers)
    {
        _numbers = numbers;
        _document = document;
        _ownsDocument = true;
        _reader = new Utf8JsonReader(document, DocumentOptions);
    }

    private RoutingJsonReader(Utf8JsonReader reader, PhoneNumberCanonicalizer numbers)
    {
        _numbers = numbers;
        _reader = reader;
    }

    /// <summary>Reads a document that holds one rule set.</summary>
    /// <param name="utf8Json">The document, without a byte order mark.</param>
    /// <param name="numbers">Reads the numbers of the allow and block lists.</param>
    public static AnsweringRuleSet ReadDocument(ReadOnlySpan<byte> utf8Json, PhoneNumberCanonicalizer numbers)
    {
        var json = new RoutingJsonReader(utf8Json, numbers);
        try
        {
            json.Next();
            var rules = json.ReadRuleSet();
            json.ReadEndOfDocument();
            return rules;
        }
        catch (JsonException ex)
        {
            throw json.Malformed(ex);
        }
    }

    /// <summary>Reads a document that holds one rule of <paramref name="userId"/>, checked as a rule set would check it.</summary>
    /// <param name="utf8Json">The document, without a byte order mark.</param>
    /// <param name="numbers">Reads the numbers of destinations.</param>
    /// <param name="userId">The user whose rule it is.</param>
    /// <param name="isDefault">Whether it is the Default rule (no time frame) or a rule of a time frame.</param>
    public static AnsweringRule ReadRuleDocument(ReadOnlySpan<byte> utf8Json, PhoneNumberCanonicalizer numbers, string userId, bool isDefault)
    {
        var json = new RoutingJsonReader(utf8Json, numbers);
        try
        {
            json.Next();
            var start = json._reader.TokenStartIndex;
            var rule = json.ReadRule(isDefault);
            json.ReadEndOfDocument();
            try
            {
                RuleSetValidator.ValidateRule(rule, userId);
            }
            catch (RoutingValidationException ex)
            {
                throw json.Invalid(ex.Field, ex.Reason, ex, start);
            }

            return rule;
        }
        catch (JsonException ex)
        {
            throw json.Malformed(ex);
        }
    }

    /// <summary>Reads one rule set inside a host's document: <paramref name="reader"/> is on its first token and is left
    /// on its last one; when reading fails, on the token where the problem was found, so that the host reports that
    /// position.</summary>
    public static AnsweringRuleSet ReadValue(ref Utf8JsonReader reader, PhoneNumberCanonicalizer numbers)
    {
        var json = new RoutingJsonReader(reader, numbers);
        try
        {
            return json.ReadRuleSet();
        }
        finally
        {
            reader = json._reader;
        }
    }

    private AnsweringRuleSet ReadRuleSet()
    {
        var start = Expect(JsonTokenType.StartObject, "a rule-set object such as {\"user\": \"202\"}");
        var properties = RoutingJsonProperties.RuleSet;
        string? user = null;
        var ringTimeout = AnsweringRuleSet.DefaultRingTimeout;
        var voicemail = true;
        var blockAnonymous = false;
        var allow = NumberList.Empty;
        var block = NumberList.Empty;
        var defaultRule = AnsweringRule.Default;
        var rules = ImmutableArray<AnsweringRule>.Empty;
        var seen = 0;
        while (NextProperty(properties, ref seen, out var property))
        {
            switch (property)
            {
                case 0:
                    user = ReadString("the user's id as a string");
                    break;
                case 1:
                    ringTimeout = Duration.FromSeconds(ReadInt32("the ring timeout in seconds as an integer"));
                    break;
                case 2:
                    voicemail = ReadBoolean();
                    break;
                case 3:
                    blockAnonymous = ReadBoolean();
                    break;
                case 4:
                    allow = ReadNumberList();
                    break;
                case 5:
                    block = ReadNumberList();
                    break;
                case 6:
                    defaultRule = ReadRule(isDefault: true);
                    break;
                case 7:
                    Expect(JsonTokenType.StartArray, "an array of rules such as [{\"timeFrame\": \"Out of Office\"}]");
                    var builder = ImmutableArray.CreateBuilder<AnsweringRule>();
                    for (var i = 0; NextElement(i); i++)
                    {
                        builder.Add(ReadRule(isDefault: false));
                        Pop();
                    }

                    rules = builder.DrainToImmutable();
                    break;
            }

            Pop();
        }

        Require(properties, seen, start);
        try
        {
            return AnsweringRuleSet.Create(user!, rules, defaultRule, ringTimeout, allow, block, blockAnonymous, voicemail);
        }
        catch (RoutingValidationException ex)
        {
            throw Invalid(ex.Field, ex.Reason, ex, start);
        }
        catch (ArgumentException ex)
        {
            throw Invalid(string.Empty, ex.Message, ex, start);
        }
    }

    private NumberList ReadNumberList()
    {
        Expect(JsonTokenType.StartArray, "an array of numbers such as [{\"number\": \"+15551231111\", \"name\": \"Front desk\"}]");
        var entries = new List<NumberListEntry>();
        var positions = new Dictionary<PhoneNumberKey, int>();
        for (var i = 0; NextElement(i); i++)
        {
            var (entry, numberAt) = ReadEntry();
            if (!positions.TryAdd(entry.Number, i))
            {
                Push("number");
                throw Error($"{entry.Number} is already in the list (at position {positions[entry.Number]}); a number is listed once.", numberAt);
            }

            entries.Add(entry);
            Pop();
        }

        return NumberList.Create(entries);
    }

    /// <summary>Reads a list entry, and where its number is.</summary>
    private (NumberListEntry Entry, long NumberAt) ReadEntry()
    {
        var start = Expect(JsonTokenType.StartObject, "a list entry such as {\"number\": \"+15551231111\", \"name\": \"Front desk\"}");
        var properties = RoutingJsonProperties.Entry;
        PhoneNumberKey number = default;
        string? name = null;
        long numberAt = 0;
        var seen = 0;
        while (NextProperty(properties, ref seen, out var property))
        {
            if (property == 0)
            {
                numberAt = _reader.TokenStartIndex;
                var text = ReadString("the number as a string such as \"+15551231111\"");
                // Canonical E.164 (what the serializer writes) is the key itself, so every list reads back as written;
                // any other form is a number typed by a person and is read strictly by the canonicalizer.
                if (!PhoneNumberKey.TryParse(text, out number) && !_numbers.TryParse(text, out number, out var reason))
                {
                    throw Error($"'{PhoneNumberKey.Abbreviate(text)}' is not a phone number: {reason}", numberAt);
                }
            }
            else
            {
                name = ReadString("the name as a string");
            }

            Pop();
        }

        Require(properties, seen, start);
        return (new NumberListEntry(number, name), numberAt);
    }

    private AnsweringRule ReadRule(bool isDefault)
    {
        var start = Expect(JsonTokenType.StartObject, isDefault ? "the default rule as an object" : "a rule object such as {\"timeFrame\": \"Out of Office\"}");
        var properties = isDefault ? RoutingJsonProperties.DefaultRule : RoutingJsonProperties.Rule;
        var offset = isDefault ? 1 : 0;
        var rule = AnsweringRule.Default;
        var seen = 0;
        while (NextProperty(properties, ref seen, out var property))
        {
            rule = (property + offset) switch
            {
                0 => rule with { TimeFrame = ReadString("the time frame's name as a string") },
                1 => rule with { Enabled = ReadBoolean() },
                2 => rule with { DoNotDisturb = ReadBoolean() },
                3 => rule with { CallScreening = ReadBoolean() },
                4 => rule with { Forwarding = ReadForwarding() },
                _ => rule with { SimultaneousRing = ReadRing() },
            };

            Pop();
        }

        Require(properties, seen, start);
        return rule;
    }

    private CallForwarding ReadForwarding()
    {
        Expect(JsonTokenType.StartObject, "forwarding as an object such as {\"whenUnanswered\": {\"kind\": \"user\", \"value\": \"207\"}}");
        var properties = RoutingJsonProperties.Forwarding;
        var forwarding = CallForwarding.None;
        var seen = 0;
        while (NextProperty(properties, ref seen, out var property))
        {
            var destination = ReadDestination();
            forwarding = property switch
            {
                0 => forwarding with { Always = destination },
                1 => forwarding with { OnActive = destination },
                2 => forwarding with { WhenBusy = destination },
                3 => forwarding with { WhenUnanswered = destination },
                4 => forwarding with { WhenOffline = destination },
                _ => forwarding with { OnDoNotDisturb = destination },
            };

            Pop();
        }

        return forwarding;
    }

    private Destination ReadDestination()
    {
        var start = Expect(JsonTokenType.StartObject, "a destination such as {\"kind\": \"user\", \"value\": \"207\"}");
        var properties = RoutingJsonProperties.Destination;
        var kind = DestinationKind.User;
        string? value = null;
        var seen = 0;
        while (NextProperty(properties, ref seen, out var property))
        {
            if (property == 0)
            {
                kind = (DestinationKind)ReadEnum(RoutingJsonText.Kinds, "a kind of destination");
            }
            else
            {
                value = ReadString("the destination's value as a string");
            }

            Pop();
        }

        Require(properties, seen, start);
        return new Destination(kind, value!);
    }

    private SimultaneousRing? ReadRing()
    {
        var start = Expect(JsonTokenType.StartObject, "a ring such as {\"mode\": \"userExtension\"}");
        var properties = RoutingJsonProperties.Ring;
        var mode = 0;
        var ring = new SimultaneousRing();
        Span<long> positions = stackalloc long[properties.Names.Length];
        var seen = 0;
        var given = 0;
        while (NextProperty(properties, ref seen, out var property))
        {
            positions[property] = _reader.TokenStartIndex;
            given |= 1 << property;
            switch (property)
            {
                case 0:
                    mode = ReadEnum(RoutingJsonText.Modes, "a ring mode");
                    break;
                case 1:
                    ring = ring with { IncludeUserExtension = ReadBoolean() };
                    break;
                case 2:
                    ring = ring with { RingAllUserPhones = ReadBoolean() };
                    break;
                case 3:
                    ring = ring with { AnswerConfirmationForOffNet = ReadBoolean() };
                    break;
                default:
                    Expect(JsonTokenType.StartArray, "an array of ring targets such as [{\"destination\": {\"kind\": \"device\", \"value\": \"202wp\"}, \"delaySeconds\": 0}]");
                    var builder = ImmutableArray.CreateBuilder<RingTarget>();
                    for (var i = 0; NextElement(i); i++)
                    {
                        builder.Add(ReadTarget());
                        Pop();
                    }

                    ring = ring with { Targets = builder.DrainToImmutable() };
                    break;
            }

            Pop();
        }

        Require(properties, seen, start);
        if (mode == 1)
        {
            return ring;
        }

        var extra = given & ~1;
        if (extra != 0)
        {
            var index = System.Numerics.BitOperations.TrailingZeroCount(extra);
            Push(properties.Names[index]);
            throw Error($"'{properties.Names[index]}' is only allowed with \"mode\": \"simultaneous\"; \"userExtension\" just rings the user's extension.", positions[index]);
        }

        return null;
    }

    private RingTarget ReadTarget()
    {
        var start = Expect(JsonTokenType.StartObject, "a ring target such as {\"destination\": {\"kind\": \"device\", \"value\": \"202wp\"}, \"delaySeconds\": 0}");
        var properties = RoutingJsonProperties.Target;
        Destination? destination = null;
        var delay = Duration.Zero;
        var seen = 0;
        while (NextProperty(properties, ref seen, out var property))
        {
            if (property == 0)
            {
                destination = ReadDestination();
            }
            else
            {
                delay = Duration.FromSeconds(ReadInt32("the delay in seconds as an integer"));
            }

            Pop();
        }

        Require(properties, seen, start);
        return new RingTarget(destination!, delay);
    }

    /// <summary>Moves to the next property of an object: returns false at its end; otherwise checks the name, records
    /// it in the path and moves to the value. An optional property whose value is <c>null</c> is skipped: it keeps its
    /// default.</summary>
    private bool NextProperty(RoutingJsonProperties properties, ref int seen, out int index)
    {
        while (true)
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
                var unknown = GetString(position);
                Push(unknown);
                var hint = properties == RoutingJsonProperties.DefaultRule && unknown == "timeFrame"
                    ? "The default rule has no time frame: it applies whenever no other rule does."
                    : $"Unknown property '{PhoneNumberKey.Abbreviate(unknown)}' in {properties.Description}; expected {RoutingJsonText.OneOf(properties.Names)}{RoutingJsonText.Suggest(unknown, properties.Names)}.";
                throw Error(hint, position);
            }

            Push(properties.Names[index]);
            var bit = 1 << index;
            if ((seen & bit) != 0)
            {
                throw Error($"The property '{properties.Names[index]}' appears twice in {properties.Description}.", position);
            }

            seen |= bit;
            Next();
            if (_reader.TokenType != JsonTokenType.Null || (properties.Required & bit) != 0)
            {
                return true;
            }

            Pop();
        }
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
                throw Error("The document ends inside the answering rules.", _reader.BytesConsumed);
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
                throw Error("Unexpected content after the answering rules.", _reader.TokenStartIndex);
            }
        }
    }

    private readonly void Push(string name) => _path.Add((name, 0));

    private readonly void Pop() => _path.RemoveAt(_path.Count - 1);

    private readonly long Expect(JsonTokenType type, string what)
    {
        var position = _reader.TokenStartIndex;
        return _reader.TokenType == type ? position : throw Error($"Expected {what}, found {Describe(_reader.TokenType)}.", position);
    }

    private readonly void Require(RoutingJsonProperties properties, int seen, long start)
    {
        var missing = properties.Required & ~seen;
        if (missing != 0)
        {
            var name = properties.Names[System.Numerics.BitOperations.TrailingZeroCount(missing)];
            throw Error($"{RoutingJsonText.Capitalize(properties.Description)} needs the property '{name}'.", start);
        }
    }

    private readonly string ReadString(string what) => GetString(Expect(JsonTokenType.String, what));

    private readonly string GetString(long position)
    {
        try
        {
            return _reader.GetString()!;
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

    private readonly bool ReadBoolean() => _reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Error($"Expected true or false, found {Describe(_reader.TokenType)}.", _reader.TokenStartIndex),
    };

    private readonly int ReadEnum(string[] values, string what)
    {
        var position = Expect(JsonTokenType.String, $"{what} as a string ({RoutingJsonText.OneOf(values)})");
        var text = GetString(position);
        var index = Array.IndexOf(values, text);
        return index >= 0
            ? index
            : throw Error($"'{PhoneNumberKey.Abbreviate(text)}' is not {what}; expected {RoutingJsonText.OneOf(values)}{RoutingJsonText.Suggest(text, values)}.", position);
    }

    private readonly string RawValue() =>
        Encoding.UTF8.GetString(_reader.HasValueSequence ? _reader.ValueSequence.ToArray() : _reader.ValueSpan.ToArray());

    /// <summary>Converts the model's verdict on a structurally valid rule set, pointing at the offending value.</summary>
    private readonly RoutingFormatException Invalid(string field, string reason, Exception inner, long start)
    {
        var path = $"{RenderPath()}{RoutingJsonLocation.FromField(field)}";
        var position = _ownsDocument ? JsonLocation.Find(_document, path, DocumentOptions, start) : start;
        return Create(path, $"The answering rules are not valid: {reason}", position, inner);
    }

    /// <summary>Converts the reader's own error (not JSON at all, truncated, nested too deep).</summary>
    private readonly RoutingFormatException Malformed(JsonException ex)
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

    private readonly RoutingFormatException Error(string reason, long position, Exception? inner = null) =>
        Create(RenderPath(), reason, position, inner);

    private readonly RoutingFormatException Create(string path, string reason, long position, Exception? inner)
    {
        if (!_ownsDocument)
        {
            // Inside a host's document the host's JsonException locates the problem; the position here is not known.
            return new RoutingFormatException($"{path}: {reason}", null, path, 0, inner);
        }

        var (line, column) = JsonLocation.LineAndColumn(_document, position);
        return new RoutingFormatException($"{path}: {reason} (line {line}, column {column})", line, path, position, inner);
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
}
