using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using K7.Routing;
using K7.SampleHost.Endpoints;
using NodaTime;

namespace K7.SampleHost.Tests;

/// <summary>The one-rule JSON of the Answering Rules page: any body gives a rule or a problem, and rules round-trip.</summary>
public sealed class AnsweringRulesPropertyTests
{
    private static readonly PhoneNumberCanonicalizer Numbers = new("US");

    private const string Example = """
        { "timeFrame": "Out of Office", "enabled": true, "doNotDisturb": false, "callScreening": false,
          "forwarding": { "whenUnanswered": { "kind": "user", "value": "207" } },
          "ring": { "mode": "simultaneous", "ringAllUserPhones": true, "targets": [ { "destination": { "kind": "device", "value": "202wp" }, "delaySeconds": 5 } ] } }
        """;

    [Property(MaxTest = 300)]
    public void Read_OfAnyText_GivesARuleOrAProblem_NeverThrows(string? text)
    {
        var (rule, problem) = AnsweringRulesEndpoints.RuleJson.Read("202", Encoding.UTF8.GetBytes(text ?? string.Empty), isDefault: false, Numbers);
        Assert.True(rule is null != (problem is null));
    }

    [Property(MaxTest = 300)]
    public void Read_OfAnEditedRule_GivesARuleOrAProblem_NeverThrows(PositiveInt at, char replacement, bool isDefault)
    {
        var text = Example.Remove(at.Get % Example.Length, 1).Insert(at.Get % Example.Length, replacement.ToString());
        var (rule, problem) = AnsweringRulesEndpoints.RuleJson.Read("202", Encoding.UTF8.GetBytes(text), isDefault, Numbers);
        Assert.True(rule is null != (problem is null));
    }

    [Property(MaxTest = 200)]
    public Property WriteThenRead_GivesTheSameRule() => Prop.ForAll(Rules().ToArbitrary(), rule =>
    {
        var json = AnsweringRulesEndpoints.RuleJson.Write(rule).ToJsonString();
        var (read, problem) = AnsweringRulesEndpoints.RuleJson.Read("202", Encoding.UTF8.GetBytes(json), isDefault: false, Numbers);
        Assert.Null(problem);
        Assert.Equal(rule, read);
    });

    [Fact]
    public void Read_OfTextThatIsNotJson_NamesTheLineAndOffset()
    {
        var body = Encoding.UTF8.GetBytes("{\n  \"enabled\": true,\n  \"doNotDisturb\": tru\n}");
        var (_, problem) = AnsweringRulesEndpoints.RuleJson.Read("202", body, isDefault: true, Numbers);
        Assert.NotNull(problem);
        Assert.Equal(3L, problem.ProblemDetails.Extensions["line"]);
        var position = (long)problem.ProblemDetails.Extensions["position"]!;
        Assert.InRange(position, "{\n  \"enabled\": true,\n  \"doNotDisturb\": ".Length, body.Length);
    }

    [Fact]
    public void Read_WithAByteOrderMark_IsTheRule()
    {
        var (rule, problem) = AnsweringRulesEndpoints.RuleJson.Read("202", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Example)], isDefault: false, Numbers);
        Assert.Null(problem);
        Assert.Equal("Out of Office", rule!.TimeFrame);
    }

    [Fact]
    public void Read_OfTheExample_IsTheRule()
    {
        var (rule, problem) = AnsweringRulesEndpoints.RuleJson.Read("202", Encoding.UTF8.GetBytes(Example), isDefault: false, Numbers);
        Assert.Null(problem);
        Assert.Equal("Out of Office", rule!.TimeFrame);
        Assert.Equal(Destination.User("207"), rule.Forwarding.WhenUnanswered);
        Assert.Equal(Duration.FromSeconds(5), rule.SimultaneousRing!.Targets[0].Delay);
    }

    private static Gen<AnsweringRule> Rules()
    {
        var destinations = Gen.Elements<Destination?>(null, Destination.User("207"), Destination.Voicemail("202"), Destination.ExternalNumber("+15555550123"), Destination.Device("202wp"));
        var rings = Gen.Elements<SimultaneousRing?>(
            null,
            new SimultaneousRing { RingAllUserPhones = true },
            new SimultaneousRing { Targets = [new RingTarget(Destination.Device("202wp"), Duration.FromSeconds(3))] });
        return from frame in Gen.Elements("Out of Office", "Early Release", "Lunch \"break\"", "Ünïcode")
               from enabled in ArbMap.Default.GeneratorFor<bool>()
               from dnd in ArbMap.Default.GeneratorFor<bool>()
               from screening in ArbMap.Default.GeneratorFor<bool>()
               from always in destinations
               from unanswered in destinations
               from offline in destinations
               from ring in rings
               select AnsweringRule.For(frame) with
               {
                   Enabled = enabled,
                   DoNotDisturb = dnd,
                   CallScreening = screening,
                   SimultaneousRing = ring,
                   Forwarding = new CallForwarding { Always = always, WhenUnanswered = unanswered, WhenOffline = offline },
               };
    }
}
