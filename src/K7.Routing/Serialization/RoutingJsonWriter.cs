using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;

namespace K7.Routing;

/// <summary>Writes answering rules in the JSON format of docs/routing-json.md, property order fixed.</summary>
/// <remarks>Every property is written, defaults included, so that a stored document keeps its meaning if a default
/// changes; only absent optional values are left out (a forwarding destination that is not set, a list entry's name).
/// Numbers are written in E.164. Text JSON cannot hold exactly (a lone surrogate, which an encoder would replace)
/// throws <see cref="ArgumentException"/> rather than being written differently.</remarks>
internal static class RoutingJsonWriter
{
    /// <summary>Gets the writer options of <see cref="AnsweringRulesJson"/>: readable non-ASCII text, <c>\n</c> line ends.</summary>
    public static JsonWriterOptions Options(bool indented) => new()
    {
        Indented = indented,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void WriteRuleSet(Utf8JsonWriter writer, AnsweringRuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        writer.WriteStartObject();
        writer.WriteString("user"u8, Text(rules.UserId, "The user id"));
        writer.WriteNumber("ringTimeoutSeconds"u8, Seconds(rules.RingTimeout));
        writer.WriteBoolean("voicemail"u8, rules.VoicemailEnabled);
        writer.WriteBoolean("blockAnonymous"u8, rules.BlockAnonymous);
        WriteList(writer, "allow"u8, rules.AllowList);
        WriteList(writer, "block"u8, rules.BlockList);
        writer.WritePropertyName("default"u8);
        WriteRule(writer, rules.Default);
        writer.WriteStartArray("rules"u8);
        foreach (var rule in rules.Rules)
        {
            WriteRule(writer, rule);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter writer, ReadOnlySpan<byte> name, NumberList list)
    {
        writer.WriteStartArray(name);
        foreach (var entry in list)
        {
            writer.WriteStartObject();
            writer.WriteString("number"u8, entry.Number.ToString());
            if (entry.Name is { } entryName)
            {
                writer.WriteString("name"u8, Text(entryName, "A list entry's name"));
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public static void WriteRule(Utf8JsonWriter writer, AnsweringRule rule)
    {
        writer.WriteStartObject();
        if (rule.TimeFrame is { } timeFrame)
        {
            writer.WriteString("timeFrame"u8, Text(timeFrame, "A rule's time frame"));
        }

        writer.WriteBoolean("enabled"u8, rule.Enabled);
        writer.WriteBoolean("doNotDisturb"u8, rule.DoNotDisturb);
        writer.WriteBoolean("callScreening"u8, rule.CallScreening);
        var forwarding = rule.Forwarding;
        writer.WriteStartObject("forwarding"u8);
        WriteDestination(writer, "always"u8, forwarding.Always);
        WriteDestination(writer, "onActive"u8, forwarding.OnActive);
        WriteDestination(writer, "whenBusy"u8, forwarding.WhenBusy);
        WriteDestination(writer, "whenUnanswered"u8, forwarding.WhenUnanswered);
        WriteDestination(writer, "whenOffline"u8, forwarding.WhenOffline);
        WriteDestination(writer, "onDoNotDisturb"u8, forwarding.OnDoNotDisturb);
        writer.WriteEndObject();
        writer.WriteStartObject("ring"u8);
        if (rule.SimultaneousRing is { } ring)
        {
            writer.WriteString("mode"u8, RoutingJsonText.Modes[1]);
            writer.WriteBoolean("includeUserExtension"u8, ring.IncludeUserExtension);
            writer.WriteBoolean("ringAllUserPhones"u8, ring.RingAllUserPhones);
            writer.WriteBoolean("answerConfirmationForOffNet"u8, ring.AnswerConfirmationForOffNet);
            writer.WriteStartArray("targets"u8);
            foreach (var target in ring.Targets)
            {
                writer.WriteStartObject();
                WriteDestination(writer, "destination"u8, target.Destination);
                writer.WriteNumber("delaySeconds"u8, Seconds(target.Delay));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
        else
        {
            writer.WriteString("mode"u8, RoutingJsonText.Modes[0]);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteDestination(Utf8JsonWriter writer, ReadOnlySpan<byte> name, Destination? destination)
    {
        if (destination is null)
        {
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteString("kind"u8, RoutingJsonText.Kinds[(int)destination.Kind]);
        writer.WriteString("value"u8, Text(destination.Value, "A destination"));
        writer.WriteEndObject();
    }

    /// <summary>Returns a duration the model keeps in whole seconds (a ring timeout, a ring delay) as seconds.</summary>
    private static long Seconds(Duration duration) => (long)duration.TotalSeconds;

    /// <summary>Returns <paramref name="value"/> if it is valid UTF-16 (no lone surrogate), which JSON text can hold exactly.</summary>
    private static string Text(string value, string what)
    {
        var rest = value.AsSpan();
        if (rest.IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            return value;
        }

        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out _, out var consumed) != OperationStatus.Done)
            {
                throw new ArgumentException(
                    $"{what} holds a lone surrogate at index {value.Length - rest.Length} and cannot be written as JSON text exactly.",
                    nameof(value));
            }

            rest = rest[consumed..];
        }

        return value;
    }
}
