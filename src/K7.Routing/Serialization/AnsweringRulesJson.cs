using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace K7.Routing;

/// <summary>Writes and reads a user's answering rules as JSON, for storage and configuration (format: docs/routing-json.md).</summary>
/// <remarks>
/// <para>The format is stable and camelCase, with enum values as camelCase strings, durations as whole seconds and
/// list numbers in E.164 (<c>+15551231111</c>). Every setting is written, defaults included.
/// <c>Deserialize(Serialize(rules))</c> equals <c>rules</c>. Output is compact, or indented by two spaces with <c>\n</c>
/// line ends; non-ASCII text is written as is.</para>
/// <para>Reading is strict: unknown or repeated properties, unknown enum values and values of the wrong type are
/// errors, with a suggestion for a near miss. Comments are allowed. Numbers of the allow and block lists are read with
/// a <see cref="PhoneNumberCanonicalizer"/> (default region "US" unless one is given), so a stored
/// <c>"555-123-1111"</c> is read as <c>+15551231111</c>. Every error is a <see cref="RoutingFormatException"/> whose
/// <see cref="RoutingFormatException.Field"/> is the JSON path of the offending value
/// (<c>$.rules[0].forwarding.whenBusy</c>), with the one-based <see cref="RoutingFormatException.Line"/> and the byte
/// offset <see cref="RoutingFormatException.Position"/> (after any byte order mark); the message starts with the path. A document that is well formed but describes invalid rules gives the
/// model's <see cref="RoutingValidationException"/> as the inner exception, its field turned into the JSON path.</para>
/// <para>To put rule sets inside a host's own documents (ASP.NET Core models), use <see cref="AnsweringRuleSetJsonConverter"/>.</para>
/// <para>Thread-safe: all members are stateless.</para>
/// </remarks>
public static class AnsweringRulesJson
{
    /// <summary>Writes a rule set as JSON.</summary>
    /// <param name="rules">The rule set.</param>
    /// <param name="indented">Whether to indent the output (two spaces, <c>\n</c> line ends).</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentException">The rule set holds text that JSON cannot hold exactly (a lone surrogate in
    /// a name, a time frame or a destination).</exception>
    public static string Serialize(AnsweringRuleSet rules, bool indented = false) =>
        Encoding.UTF8.GetString(Write(rules, indented).WrittenSpan);

    /// <summary>Writes a rule set as UTF-8 JSON.</summary>
    /// <param name="rules">The rule set.</param>
    /// <param name="indented">Whether to indent the output.</param>
    /// <returns>The UTF-8 bytes, without a byte order mark.</returns>
    /// <exception cref="ArgumentException">The rule set holds text that JSON cannot hold exactly.</exception>
    public static byte[] SerializeToUtf8Bytes(AnsweringRuleSet rules, bool indented = false) =>
        Write(rules, indented).WrittenSpan.ToArray();

    /// <summary>Writes one rule as JSON, in the rule shape of a rule set (the Default rule has no <c>timeFrame</c>).</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="indented">Whether to indent (two spaces, <c>\n</c> line ends).</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentException">The rule holds text that JSON cannot hold exactly.</exception>
    public static string SerializeRule(AnsweringRule rule, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, RoutingJsonWriter.Options(indented)))
        {
            RoutingJsonWriter.WriteRule(writer, rule);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads one rule of a user from UTF-8 JSON (what <see cref="SerializeRule"/> writes), checked as a rule set checks its rules.</summary>
    /// <param name="utf8Json">The UTF-8 bytes; a leading byte order mark is skipped.</param>
    /// <param name="userId">The user whose rule it is (a rule may not forward to its own user, for example).</param>
    /// <param name="isDefault">Whether it is the Default rule (no <c>timeFrame</c>) or a rule of a time frame (<c>timeFrame</c> required).</param>
    /// <param name="numbers">Reads the numbers of destinations, or <see langword="null"/> for the region "US".</param>
    /// <returns>The rule.</returns>
    /// <exception cref="RoutingFormatException">The bytes are not a valid rule; the path (<c>$.forwarding.whenBusy</c>), line and position say where.</exception>
    public static AnsweringRule DeserializeRule(ReadOnlySpan<byte> utf8Json, string userId, bool isDefault, PhoneNumberCanonicalizer? numbers = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return RoutingJsonReader.ReadRuleDocument(utf8Json.StartsWith("\uFEFF"u8) ? utf8Json[3..] : utf8Json, numbers ?? DefaultNumbers.Instance, userId, isDefault);
    }

    /// <summary>Tries to read one rule of a user from UTF-8 JSON; never throws on bad input.</summary>
    /// <param name="utf8Json">The UTF-8 bytes; a leading byte order mark is skipped.</param>
    /// <param name="userId">The user whose rule it is.</param>
    /// <param name="isDefault">Whether it is the Default rule or a rule of a time frame.</param>
    /// <param name="rule">The rule, when the bytes are a valid one.</param>
    /// <param name="error">Why the bytes are not a valid rule, otherwise.</param>
    /// <param name="numbers">Reads the numbers of destinations, or <see langword="null"/> for the region "US".</param>
    /// <returns><see langword="true"/> when the bytes are a valid rule.</returns>
    public static bool TryDeserializeRule(
        ReadOnlySpan<byte> utf8Json,
        string userId,
        bool isDefault,
        [NotNullWhen(true)] out AnsweringRule? rule,
        [NotNullWhen(false)] out RoutingFormatException? error,
        PhoneNumberCanonicalizer? numbers = null)
    {
        try
        {
            rule = DeserializeRule(utf8Json, userId, isDefault, numbers);
            error = null;
            return true;
        }
        catch (RoutingFormatException ex)
        {
            rule = null;
            error = ex;
            return false;
        }
    }

    /// <summary>Reads a rule set from JSON, with list numbers read for the region "US".</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="RoutingFormatException">The text is not a valid rule set; the exception gives the path, line and position.</exception>
    public static AnsweringRuleSet Deserialize(string json) => Deserialize(json, DefaultNumbers.Instance);

    /// <summary>Reads a rule set from JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="numbers">Reads the numbers of the allow and block lists (its default region applies to numbers
    /// written without a country code).</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="RoutingFormatException">The text is not a valid rule set; the exception gives the path, line and position.</exception>
    public static AnsweringRuleSet Deserialize(string json, PhoneNumberCanonicalizer numbers)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(numbers);
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(json, buffer);
            return RoutingJsonReader.ReadDocument(buffer.AsSpan(0, length), numbers);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads a rule set from UTF-8 JSON, with list numbers read for the region "US".</summary>
    /// <param name="utf8Json">The UTF-8 bytes; a leading byte order mark is skipped.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="RoutingFormatException">The bytes are not a valid rule set.</exception>
    public static AnsweringRuleSet Deserialize(ReadOnlySpan<byte> utf8Json) => Deserialize(utf8Json, DefaultNumbers.Instance);

    /// <summary>Reads a rule set from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The UTF-8 bytes; a leading byte order mark is skipped.</param>
    /// <param name="numbers">Reads the numbers of the allow and block lists.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="RoutingFormatException">The bytes are not a valid rule set.</exception>
    public static AnsweringRuleSet Deserialize(ReadOnlySpan<byte> utf8Json, PhoneNumberCanonicalizer numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        return RoutingJsonReader.ReadDocument(utf8Json.StartsWith("\uFEFF"u8) ? utf8Json[3..] : utf8Json, numbers);
    }

    /// <summary>Tries to read a rule set from JSON, with list numbers read for the region "US"; never throws on bad input.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="rules">The rule set, when the text is a valid one.</param>
    /// <param name="error">Why the text is not a valid rule set, otherwise.</param>
    /// <returns><see langword="true"/> when the text is a valid rule set.</returns>
    public static bool TryDeserialize(
        string json,
        [NotNullWhen(true)] out AnsweringRuleSet? rules,
        [NotNullWhen(false)] out RoutingFormatException? error) =>
        TryDeserialize(json, DefaultNumbers.Instance, out rules, out error);

    /// <summary>Tries to read a rule set from JSON; never throws on bad input.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="numbers">Reads the numbers of the allow and block lists.</param>
    /// <param name="rules">The rule set, when the text is a valid one.</param>
    /// <param name="error">Why the text is not a valid rule set, otherwise.</param>
    /// <returns><see langword="true"/> when the text is a valid rule set.</returns>
    public static bool TryDeserialize(
        string json,
        PhoneNumberCanonicalizer numbers,
        [NotNullWhen(true)] out AnsweringRuleSet? rules,
        [NotNullWhen(false)] out RoutingFormatException? error)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(numbers);
        try
        {
            rules = Deserialize(json, numbers);
            error = null;
            return true;
        }
        catch (RoutingFormatException ex)
        {
            rules = null;
            error = ex;
            return false;
        }
    }

    /// <summary>Tries to read a rule set from UTF-8 JSON, with list numbers read for the region "US"; never throws on bad input.</summary>
    /// <param name="utf8Json">The UTF-8 bytes; a leading byte order mark is skipped.</param>
    /// <param name="rules">The rule set, when the bytes are a valid one.</param>
    /// <param name="error">Why the bytes are not a valid rule set, otherwise.</param>
    /// <returns><see langword="true"/> when the bytes are a valid rule set.</returns>
    public static bool TryDeserialize(
        ReadOnlySpan<byte> utf8Json,
        [NotNullWhen(true)] out AnsweringRuleSet? rules,
        [NotNullWhen(false)] out RoutingFormatException? error) =>
        TryDeserialize(utf8Json, DefaultNumbers.Instance, out rules, out error);

    /// <summary>Tries to read a rule set from UTF-8 JSON; never throws on bad input.</summary>
    /// <param name="utf8Json">The UTF-8 bytes; a leading byte order mark is skipped.</param>
    /// <param name="numbers">Reads the numbers of the allow and block lists.</param>
    /// <param name="rules">The rule set, when the bytes are a valid one.</param>
    /// <param name="error">Why the bytes are not a valid rule set, otherwise.</param>
    /// <returns><see langword="true"/> when the bytes are a valid rule set.</returns>
    public static bool TryDeserialize(
        ReadOnlySpan<byte> utf8Json,
        PhoneNumberCanonicalizer numbers,
        [NotNullWhen(true)] out AnsweringRuleSet? rules,
        [NotNullWhen(false)] out RoutingFormatException? error)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        try
        {
            rules = Deserialize(utf8Json, numbers);
            error = null;
            return true;
        }
        catch (RoutingFormatException ex)
        {
            rules = null;
            error = ex;
            return false;
        }
    }

    private static ArrayBufferWriter<byte> Write(AnsweringRuleSet rules, bool indented)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, RoutingJsonWriter.Options(indented)))
        {
            RoutingJsonWriter.WriteRuleSet(writer, rules);
        }

        return buffer;
    }

    /// <summary>The canonicalizer of the overloads without one, created on first use.</summary>
    internal static class DefaultNumbers
    {
        public static readonly PhoneNumberCanonicalizer Instance = new("US");
    }
}
