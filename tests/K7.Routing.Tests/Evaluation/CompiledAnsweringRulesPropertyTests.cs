using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace K7.Routing.Tests.Evaluation;

/// <summary>Compiled rules against the reference interpreter, and the invariants of the precedence table, on random cases.</summary>
public sealed class CompiledAnsweringRulesPropertyTests
{
    [Property(MaxTest = 500, Arbitrary = new[] { typeof(Generators) })]
    public void Route_RandomCase_SameDecisionAsReferenceRouter(RoutingCase c)
    {
        var sut = CreateSut(c);

        var decision = sut.Route(c.Call, c.State, c.Now);
        var reference = new ReferenceRouter(c.Rules, c.Frames, "US").Route(c.Call, c.State, c.Now);

        Assert.True(reference.Equals(decision), $"Compiled: {decision}{Environment.NewLine}Reference: {reference}");
    }

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(Generators) })]
    public void Explain_RandomCase_SameDecisionAsRoute(RoutingCase c)
    {
        var sut = CreateSut(c);

        var explanation = sut.Explain(c.Call, c.State, c.Now);
        var decision = sut.Route(c.Call, c.State, c.Now);

        Assert.True(decision.Equals(explanation.Decision), $"Route: {decision}{Environment.NewLine}Explain: {explanation.Decision}");
        Assert.NotEmpty(explanation.Steps);
        Assert.Equal(c.CallerBlocked, explanation.BlockListEntry is not null);
        if (explanation.Rule is { } rule)
        {
            Assert.Equal(rule.TimeFrame ?? "Default", decision.RuleName);
            Assert.Same(rule, sut.GetActiveRule(c.Now));
        }
        else
        {
            Assert.Equal(RouteOutcome.Reject, decision.Outcome);
        }
    }

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(Generators) })]
    public void Route_AllowListedCallerNotBlocked_NeverScreenedNorSentToDoNotDisturb(RoutingCase c)
    {
        var decision = CreateSut(c).Route(c.Call, c.State, c.Now);

        if (c.CallerAllowed && !c.CallerBlocked)
        {
            Assert.NotEqual(RouteReason.DoNotDisturb, decision.Reason);
            Assert.NotEqual(RouteReason.AnonymousCaller, decision.Reason);
            Assert.NotEqual(RouteReason.BlockList, decision.Reason);
            Assert.False(decision.Screening, $"Screened: {decision}");
        }
    }

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(Generators) })]
    public void Route_BlockedCaller_RejectedWithoutRinging(RoutingCase c)
    {
        var decision = CreateSut(c).Route(c.Call, c.State, c.Now);

        Assert.Equal(c.CallerBlocked, decision.Reason == RouteReason.BlockList);
        if (c.CallerBlocked)
        {
            Assert.Equal(RouteOutcome.Reject, decision.Outcome);
            Assert.Empty(decision.Targets);
            Assert.Null(decision.Destination);
        }
    }

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(Generators) })]
    public void MoveToTop_AnyRule_ActiveExactlyWhenEnabledAndFrameActive(RuleInCase x)
    {
        var c = x.Case;
        var rule = c.Rules.Rules[x.Index];
        var moved = c.Rules.MoveToTop(rule.TimeFrame!);
        var sut = CompiledAnsweringRules.Compile(moved, c.Frames, Generators.Numbers);

        var applies = rule.Enabled && c.Frames(rule.TimeFrame!)?.IsActive(c.Now) == true;

        Assert.Same(rule, moved.Rules[0]);
        Assert.Equal(applies, ReferenceEquals(rule, sut.GetActiveRule(c.Now)));
        var decision = sut.Route(c.Call, c.State, c.Now);
        if (decision.Outcome != RouteOutcome.Reject)
        {
            Assert.Equal(applies, decision.RuleName == rule.TimeFrame);
        }
    }

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(Generators) })]
    public void Route_RingDecision_HasTargetsTheSetsTimeoutAndDelaysWithinTenSeconds(RoutingCase c)
    {
        var decision = CreateSut(c).Route(c.Call, c.State, c.Now);

        if (decision.Outcome == RouteOutcome.Ring)
        {
            Assert.NotEmpty(decision.Targets);
            Assert.Equal(c.Rules.RingTimeout, decision.RingTimeout);
            Assert.All(decision.Targets, t => Assert.InRange(t.Delay, Duration.Zero, Duration.FromSeconds(10)));
            Assert.All(decision.Targets, t => Assert.True(!t.AnswerConfirmation || t.Destination.IsOffNet, $"Confirmation on {t.Destination}."));
            Assert.Null(decision.Destination);
        }
        else
        {
            Assert.Empty(decision.Targets);
        }
    }

    [Property(MaxTest = 200, Arbitrary = new[] { typeof(Generators) })]
    public void GetMatchingRules_RandomCase_ActiveRuleIsFirstEnabledOfThemElseDefault(RoutingCase c)
    {
        var sut = CreateSut(c);

        var matching = sut.GetMatchingRules(c.Now);
        var active = sut.GetActiveRule(c.Now);

        Assert.Same(c.Rules.Default, matching[^1]);
        Assert.Same(matching.FirstOrDefault(r => r.Enabled && !r.IsDefault) ?? c.Rules.Default, active);
    }

    [Fact]
    public void Pool_EveryWrittenForm_CanonicalizesToItsNumber()
    {
        foreach (var number in Generators.Pool)
        {
            foreach (var form in number.Forms)
            {
                Assert.True(Generators.Numbers.TryCanonicalize(form, out var key), $"'{form}' is not read.");
                Assert.Equal(number.E164, key.ToString());
            }
        }
    }

    [Fact]
    public void RoutingCases_FixedSeed_ReachEveryRowOfTheTableAndEveryKindOfCaller()
    {
        var cases = Generators.RoutingCases().Generator.Sample(3_000, new Rnd(20_251_126), 50);

        var reasons = cases.Select(c => CreateSut(c).Route(c.Call, c.State, c.Now).Reason).ToList();
        var applied = cases.Select(c => CreateSut(c).GetActiveRule(c.Now)).ToList();

        Assert.All(Enum.GetValues<RouteReason>(), reason => Assert.True(reasons.Count(r => r == reason) >= 30, $"{reason}: {reasons.Count(r => r == reason)} of 3000."));
        Assert.InRange(cases.Count(c => c.CallerAllowed && !c.CallerBlocked), 300, 3_000);
        Assert.InRange(cases.Count(c => c.CallerBlocked), 300, 3_000);
        Assert.InRange(cases.Count(c => c.CallerAllowed && c.CallerBlocked), 30, 3_000);
        Assert.InRange(cases.Count(c => c.Call.IsAnonymous), 150, 3_000);
        Assert.InRange(applied.Count(r => r.IsDefault), 300, 2_700);
        Assert.All(Enum.GetValues<FrameKind>(), kind => Assert.Contains(cases, c => c.Rules.Rules.Any(r => c.FrameKinds[r.TimeFrame!] == kind)));
        Assert.All(Enum.GetValues<FrameKind>().Where(k => k is not FrameKind.Never and not FrameKind.Missing), kind =>
            Assert.Contains(cases.Zip(applied), x => !x.Second.IsDefault && x.First.FrameKinds[x.Second.TimeFrame!] == kind));
    }

    private static CompiledAnsweringRules CreateSut(RoutingCase c) => CompiledAnsweringRules.Compile(c.Rules, c.Frames, Generators.Numbers);
}
