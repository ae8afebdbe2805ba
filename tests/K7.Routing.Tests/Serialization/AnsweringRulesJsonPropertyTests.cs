using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Xunit;
using PhoneNumbers;

namespace K7.Routing.Tests.Serialization;

public sealed partial class AnsweringRulesJsonPropertyTests
{
    private static readonly JsonSerializerOptions HostOptions = new() { Converters = { new AnsweringRuleSetJsonConverter() } };

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(RoutingJsonGenerators) })]
    public void Deserialize_SerializedValidRuleSet_EqualsRuleSet(AnsweringRuleSet rules)
    {
        var compact = AnsweringRulesJson.Serialize(rules);
        var indented = AnsweringRulesJson.Serialize(rules, indented: true);

        Assert.Equal(rules, AnsweringRulesJson.Deserialize(compact));
        Assert.Equal(rules, AnsweringRulesJson.Deserialize(indented));
        Assert.Equal(rules, AnsweringRulesJson.Deserialize(AnsweringRulesJson.SerializeToUtf8Bytes(rules)));
    }

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(RoutingJsonGenerators) })]
    public void Serialize_ReadBack_GivesTheSameText(AnsweringRuleSet rules)
    {
        var json = AnsweringRulesJson.Serialize(rules, indented: true);

        Assert.Equal(json, AnsweringRulesJson.Serialize(AnsweringRulesJson.Deserialize(json), indented: true));
    }

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(RoutingJsonGenerators) })]
    public void Deserialize_ListNumbersAsPeopleTypeThem_EqualsRuleSet(AnsweringRuleSet rules)
    {
        // Every list number rewritten in libphonenumber's international form ("+1 555-123-1111"), which only the
        // canonicalizer reads; keys that are no possible number (see RoutingJsonGenerators.AnyKey) stay in E.164.
        var json = E164Number().Replace(AnsweringRulesJson.Serialize(rules), match =>
        {
            var key = PhoneNumberKey.Parse(match.Groups[1].Value);
            var typed = RoutingJsonGenerators.Numbers.Format(key, PhoneNumberFormat.INTERNATIONAL);
            return RoutingJsonGenerators.Numbers.TryParse(typed, out var read) && read == key ? $"\"number\":\"{typed}\"" : match.Value;
        });

        Assert.Equal(rules, AnsweringRulesJson.Deserialize(json));
    }

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(RoutingJsonGenerators) })]
    public void Converter_RuleSetInsideHostDocument_RoundTrips(AnsweringRuleSet rules)
    {
        var json = JsonSerializer.Serialize(new[] { rules }, HostOptions);

        Assert.Equal(rules, JsonSerializer.Deserialize<AnsweringRuleSet[]>(json, HostOptions)![0]);
    }

    [Property(MaxTest = 300)]
    public void TryDeserialize_RandomString_NeverThrows(NonNull<string> text)
    {
        var ok = AnsweringRulesJson.TryDeserialize(text.Get, out var rules, out var error);

        Assert.False(ok);
        Assert.Null(rules);
        Assert.StartsWith("$", error!.Field, StringComparison.Ordinal);
        Assert.NotNull(error.Line);
    }

    [Property(MaxTest = 300)]
    public void TryDeserialize_RandomBytes_NeverThrows(byte[] bytes)
    {
        Assert.False(AnsweringRulesJson.TryDeserialize(bytes, out _, out var error));
        Assert.StartsWith("$", error.Field, StringComparison.Ordinal);
    }

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(RoutingJsonGenerators) })]
    public void TryDeserialize_MutatedJson_NeverThrows(MutatedRulesJson json)
    {
        if (AnsweringRulesJson.TryDeserialize(json.Text, out var rules, out var error))
        {
            // Some edits keep the document valid (a changed digit, added white space): it must then read back.
            Assert.Equal(rules, AnsweringRulesJson.Deserialize(AnsweringRulesJson.Serialize(rules)));
        }
        else
        {
            Assert.StartsWith("$", error.Field, StringComparison.Ordinal);
            Assert.StartsWith(error.Field + ": ", error.Message, StringComparison.Ordinal);
            Assert.NotNull(error.Line);
            Assert.InRange(error.Position, 0, Encoding.UTF8.GetByteCount(json.Text));
        }

        Assert.Equal(
            AnsweringRulesJson.TryDeserialize(json.Text, out _, out _),
            AnsweringRulesJson.TryDeserialize(Encoding.UTF8.GetBytes(json.Text), out _, out _));
    }

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(RoutingJsonGenerators) })]
    public void Converter_MutatedJson_ThrowsOnlyJsonException(MutatedRulesJson json)
    {
        try
        {
            // As bytes: the serializer itself rejects a string with a lone surrogate before any converter runs.
            JsonSerializer.Deserialize<AnsweringRuleSet[]>(Encoding.UTF8.GetBytes($"[{json.Text}]"), HostOptions);
        }
        catch (JsonException)
        {
            // The converter's contract: bad input is a JsonException.
        }
    }

    [GeneratedRegex("\"number\":\"(\\+[0-9]+)\"")]
    private static partial Regex E164Number();
}
