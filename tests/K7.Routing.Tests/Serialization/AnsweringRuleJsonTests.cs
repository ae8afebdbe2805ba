using System.Text;
using FsCheck;
using FsCheck.Xunit;

namespace K7.Routing.Tests.Serialization;

/// <summary>One rule on its own (<see cref="AnsweringRulesJson.SerializeRule"/>, <see cref="AnsweringRulesJson.DeserializeRule"/>): what a host's rule endpoint reads and writes.</summary>
public sealed class AnsweringRuleJsonTests
{
    [Property(MaxTest = 300, Arbitrary = new[] { typeof(RoutingJsonGenerators) })]
    public void EveryRuleOfAValidSet_RoundTripsOnItsOwn(AnsweringRuleSet rules)
    {
        foreach (var rule in rules.Rules.Append(rules.Default))
        {
            var json = AnsweringRulesJson.SerializeRule(rule, indented: true);
            var back = AnsweringRulesJson.DeserializeRule(Encoding.UTF8.GetBytes(json), rules.UserId, rule.IsDefault);
            Assert.Equal(rule, back);
            Assert.Equal(json, AnsweringRulesJson.SerializeRule(back, indented: true));
        }
    }

    [Property(MaxTest = 300)]
    public bool TryDeserializeRule_NeverThrows(NonNull<string> text, bool isDefault) =>
        AnsweringRulesJson.TryDeserializeRule(Encoding.UTF8.GetBytes(text.Get), "202", isDefault, out var rule, out var error) == (rule is not null && error is null);

    [Fact]
    public void ARuleTheSetWouldRefuse_IsRefused_AtItsProperty()
    {
        var json = "{\n  \"enabled\": true, \"doNotDisturb\": false, \"callScreening\": false,\n  \"forwarding\": {\"whenBusy\": {\"kind\": \"voicemail\", \"value\": \"202\"}},\n  \"ring\": {\"mode\": \"simultaneous\", \"ringAllUserPhones\": true}\n}";
        Assert.False(AnsweringRulesJson.TryDeserializeRule(Encoding.UTF8.GetBytes(json), "202", isDefault: true, out _, out var error));
        Assert.Equal("$.forwarding.whenBusy", error.Field);
        Assert.Equal(3, error.Line);
        Assert.Equal(json.IndexOf("{\"kind\"", StringComparison.Ordinal), error.Position);
    }

    [Theory]
    [InlineData("{\"timeFrame\": \"Out of Office\", \"enabled\": true}", true, "$.timeFrame")]
    [InlineData("{\"enabled\": true}", false, "$")]
    [InlineData("{\"enabled\": true, \"forwarding\": {\"whenUnanswred\": null}}", true, "$.forwarding.whenUnanswred")]
    public void TheDefaultRuleHasNoTimeFrame_OthersNeedOne_AndTyposAreNamed(string json, bool isDefault, string field)
    {
        Assert.False(AnsweringRulesJson.TryDeserializeRule(Encoding.UTF8.GetBytes(json), "202", isDefault, out _, out var error));
        Assert.Equal(field, error.Field);
        Assert.Contains(field == "$" ? "timeFrame" : field[2..], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ContentAfterTheRule_IsRefused() =>
        Assert.False(AnsweringRulesJson.TryDeserializeRule("{\"enabled\": true} {}"u8, "202", isDefault: true, out _, out _));
}
