using K7.TimeFrames;
using NodaTime;
using static K7.Routing.Tests.Evaluation.RoutingFixtures;

namespace K7.Routing.Tests.Evaluation;

public sealed class CompiledAnsweringRulesTests
{
    private static readonly Destination Tim = Destination.User("207");

    // Explain.

    [Fact]
    public void Explain_BlockedCaller_SameDecisionAndNamesTheBlockListEntry()
    {
        var sut = CreateSut(CreateSet(AnsweringRule.For("Always") with { DoNotDisturb = true }));

        var explanation = sut.Explain(Blocked, Idle, Now);

        Assert.Equal(sut.Route(Blocked, Idle, Now), explanation.Decision);
        Assert.Equal(RouteReason.BlockList, explanation.Decision.Reason);
        Assert.Same(Spam, explanation.BlockListEntry);
        Assert.Null(explanation.AllowListEntry);
        Assert.Null(explanation.Rule);
        Assert.Null(explanation.TimeFrame);
        Assert.Null(explanation.TimeFrameActive);
        Assert.Equal("+15551231111", explanation.Caller?.ToString());
        Assert.Contains(explanation.Steps, s => s.Contains("block list", StringComparison.Ordinal) && s.Contains("Spam", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_BlockedCallerAlsoAllowListed_NamesOnlyTheBlockListEntry()
    {
        var set = CreateSet().WithLists(NumberList.Create([Spam]), BlockList);
        var sut = CreateSut(set);

        var explanation = sut.Explain(Blocked, Idle, Now);

        Assert.Equal(RouteReason.BlockList, explanation.Decision.Reason);
        Assert.Same(Spam, explanation.BlockListEntry);
        Assert.Null(explanation.AllowListEntry);
    }

    [Fact]
    public void Explain_AllowListedCallerDuringDoNotDisturb_NamesAllowListEntryRuleAndFrame()
    {
        var rule = AnsweringRule.For("Always") with { DoNotDisturb = true };
        var sut = CreateSut(CreateSet(rule));

        var explanation = sut.Explain(Allowed, Idle, Now);

        Assert.Equal(sut.Route(Allowed, Idle, Now), explanation.Decision);
        Assert.Equal(RouteOutcome.Ring, explanation.Decision.Outcome);
        Assert.Same(FrontDesk, explanation.AllowListEntry);
        Assert.Null(explanation.BlockListEntry);
        Assert.Equal(rule, explanation.Rule);
        Assert.Equal("Always", explanation.TimeFrame);
        Assert.True(explanation.TimeFrameActive);
        Assert.Equal("+15551230000", explanation.Caller?.ToString());
        Assert.Contains(explanation.Steps, s => s.Contains("allow list", StringComparison.Ordinal) && s.Contains("Front desk", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_RuleApplies_NamesTheRuleAndItsActiveTimeFrame()
    {
        var applying = AnsweringRule.For("Also always") with { Forwarding = new CallForwarding { Always = Tim } };
        var set = CreateSet(
            AnsweringRule.For(Deleted) with { DoNotDisturb = true },
            AnsweringRule.For("Never") with { DoNotDisturb = true },
            AnsweringRule.For("Always") with { Enabled = false, DoNotDisturb = true },
            applying);
        var sut = CreateSut(set);

        var explanation = sut.Explain(Stranger, Idle, Now);

        Assert.Equal(sut.Route(Stranger, Idle, Now), explanation.Decision);
        Assert.Equal(RouteReason.ForwardAlways, explanation.Decision.Reason);
        Assert.Equal(applying, explanation.Rule);
        Assert.Equal("Also always", explanation.TimeFrame);
        Assert.True(explanation.TimeFrameActive);
        Assert.Null(explanation.BlockListEntry);
        Assert.Null(explanation.AllowListEntry);
        Assert.Contains(explanation.Steps, s => s.Contains($"'{Deleted}'", StringComparison.Ordinal) && s.Contains("does not exist", StringComparison.Ordinal));
        Assert.Contains(explanation.Steps, s => s.Contains("'Never'", StringComparison.Ordinal) && s.Contains("not active", StringComparison.Ordinal));
        Assert.Contains(explanation.Steps, s => s.Contains("'Always'", StringComparison.Ordinal) && s.Contains("disabled", StringComparison.Ordinal));
        Assert.Contains(explanation.Steps, s => s.StartsWith("Row 5", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_NoRuleApplies_NamesTheDefaultRuleWithoutTimeFrame()
    {
        var sut = CreateSut(CreateSet(AnsweringRule.For("Never")));

        var explanation = sut.Explain(Stranger, Idle, Now);

        Assert.Equal(sut.Route(Stranger, Idle, Now), explanation.Decision);
        Assert.Same(sut.Rules.Default, explanation.Rule);
        Assert.Null(explanation.TimeFrame);
        Assert.Null(explanation.TimeFrameActive);
        Assert.Contains(explanation.Steps, s => s.Contains("Default", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_AnonymousCallerRejected_NoRule()
    {
        var sut = CreateSut(CreateSet(AnsweringRule.For("Always")).WithBlockAnonymous(true));
        var call = new IncomingCall(null, null);

        var explanation = sut.Explain(call, Idle, Now);

        Assert.Equal(sut.Route(call, Idle, Now), explanation.Decision);
        Assert.Equal(RouteReason.AnonymousCaller, explanation.Decision.Reason);
        Assert.Null(explanation.Caller);
        Assert.Null(explanation.Rule);
        Assert.Contains(explanation.Steps, s => s.StartsWith("Row 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_CallerNotAPhoneNumber_NoCanonicalCallerAndNoListEntry()
    {
        var sut = CreateSut(CreateSet());
        var call = new IncomingCall("sip:alice@example.com", "Alice");

        var explanation = sut.Explain(call, Idle, Now);

        Assert.Equal(sut.Route(call, Idle, Now), explanation.Decision);
        Assert.Null(explanation.Caller);
        Assert.Null(explanation.BlockListEntry);
        Assert.Null(explanation.AllowListEntry);
    }

    [Fact]
    public void Explain_EveryCallerStateAndRule_SameDecisionAsRoute()
    {
        var rules = new[]
        {
            AnsweringRule.For("Always") with { DoNotDisturb = true, Forwarding = new CallForwarding { OnDoNotDisturb = Tim } },
            AnsweringRule.For("Always") with { CallScreening = true, Forwarding = new CallForwarding { WhenOffline = Tim, OnActive = Destination.User("203") } },
            AnsweringRule.For("Always") with { SimultaneousRing = new SimultaneousRing { RingAllUserPhones = true }, Forwarding = new CallForwarding { WhenUnanswered = Tim } },
            AnsweringRule.For("Never") with { Forwarding = new CallForwarding { Always = Tim } },
        };
        var calls = new[] { Stranger, Blocked, Allowed, Allowed with { CallerName = null }, new IncomingCall(null, "Gary"), new IncomingCall("garbage", "Gary") };
        var states = new[] { Idle, OnCall, Offline, new UserState(2, 0) };

        foreach (var rule in rules)
        {
            foreach (var blockAnonymous in new[] { false, true })
            {
                var sut = CreateSut(CreateSet(rule).WithBlockAnonymous(blockAnonymous));
                foreach (var call in calls)
                {
                    foreach (var state in states)
                    {
                        var explanation = sut.Explain(call, state, Now);
                        Assert.Equal(sut.Route(call, state, Now), explanation.Decision);
                        Assert.NotEmpty(explanation.Steps);
                        if (explanation.Rule is { } applied)
                        {
                            Assert.Equal(applied.TimeFrame ?? "Default", explanation.Decision.RuleName);
                            Assert.Equal(applied.TimeFrame, explanation.TimeFrame);
                        }
                    }
                }
            }
        }
    }

    // Route.

    [Fact]
    public void Route_SameInputsTwice_ReturnsTheSharedDecision()
    {
        var sut = CreateSut(CreateSet(AnsweringRule.For("Always") with { CallScreening = true }));

        Assert.Same(sut.Route(Stranger, Idle, Now), sut.Route(new IncomingCall("+15559876543", "Gary Smith"), Idle, Now));
    }

    [Fact]
    public void Route_FrameActiveOnlySometimes_RuleAppliesOnlyThen()
    {
        var fridays = Compile("Early Release", new DaysOfWeekDefinition(new DaySchedule(IsoDayOfWeek.Friday, TimeRange.Parse("13:00-17:00"))));
        var set = CreateSet(AnsweringRule.For("Early Release") with { DoNotDisturb = true });
        var sut = CompiledAnsweringRules.Compile(set, Lookup(fridays), Numbers);

        var friday = Instant.FromUtc(2025, 7, 11, 18, 0);    // 14:00 in New York
        var fridayEvening = Instant.FromUtc(2025, 7, 11, 21, 0);    // 17:00 in New York: the range has ended

        Assert.Equal(RouteReason.DoNotDisturb, sut.Route(Stranger, Idle, friday).Reason);
        Assert.Equal(RouteReason.Ring, sut.Route(Stranger, Idle, fridayEvening).Reason);
        Assert.Equal(RouteReason.Ring, sut.Route(Stranger, Idle, Now).Reason);
    }

    [Fact]
    public void Route_WarmWithThousandBlockedNumbersAndNationalCallers_AllocatesNothing()
    {
        var blocked = Enumerable.Range(0, 1000).Select(i => new NumberListEntry(Numbers.Parse($"+1212{2000000 + (i * 7):D7}"), $"Spam {i}"));
        var set = CreateSet(
                AnsweringRule.For("Never") with { DoNotDisturb = true },
                AnsweringRule.For("Always") with
                {
                    CallScreening = true,
                    SimultaneousRing = new SimultaneousRing { Targets = [new RingTarget(Destination.ExternalNumber("+15555550123"), Duration.FromSeconds(5))] },
                    Forwarding = new CallForwarding { WhenOffline = Tim, OnActive = Destination.User("203") },
                })
            .WithLists(AllowList, NumberList.Create(blocked))
            .WithBlockAnonymous(true);
        var sut = CreateSut(set);
        IncomingCall[] calls =
        [
            new("(212) 200-0007", "Spam 1"),
            new("212-200-6993", "Spam 999"),
            new("(212) 555-0100", "Gary Smith"),
            new("646-555-0199", "Tim Garcia"),
            new("5551230000", "Front desk"),
            new("555.123.0000", null),
            new("+15559876543", "Gary Smith"),
            new("+12122000014", "Spam 2"),
            new(null, null),
            new("", "Somebody"),
        ];
        UserState[] states = [Idle, OnCall, Offline];
        Assert.Equal(RouteReason.BlockList, sut.Route(calls[0], Idle, Now).Reason);
        Assert.Equal(RouteReason.BlockList, sut.Route(calls[1], Idle, Now).Reason);
        Assert.Equal(RouteReason.Ring, sut.Route(calls[2], Idle, Now).Reason);
        Assert.Equal(RouteReason.Ring, sut.Route(calls[5], Idle, Now).Reason);

        var checksum = RouteMany(sut, calls, states, 2_000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        checksum += RouteMany(sut, calls, states, 5_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.NotEqual(0, checksum);
    }

    [Fact]
    public void Route_NullCallerNumber_IsAnonymousNotAnError()
    {
        var sut = CreateSut(CreateSet().WithBlockAnonymous(true));

        Assert.Equal(RouteReason.AnonymousCaller, sut.Route(default, Idle, Now).Reason);
    }

    // GetActiveRule and GetMatchingRules.

    [Fact]
    public void GetActiveRule_FirstEnabledRuleWithActiveFrame_IsActive()
    {
        var set = CreateSet(
            AnsweringRule.For(Deleted),
            AnsweringRule.For("Never"),
            AnsweringRule.For("Always") with { Enabled = false },
            AnsweringRule.For("Also always") with { CallScreening = true });

        var active = CreateSut(set).GetActiveRule(Now);

        Assert.Equal(set.Rules[3], active);
    }

    [Fact]
    public void GetActiveRule_NoEnabledRuleWithActiveFrame_Default()
    {
        var set = CreateSet(AnsweringRule.For(Deleted), AnsweringRule.For("Never"), AnsweringRule.For("Always") with { Enabled = false });

        Assert.Same(set.Default, CreateSut(set).GetActiveRule(Now));
    }

    [Fact]
    public void GetActiveRule_NoRules_Default()
    {
        var set = AnsweringRuleSet.CreateDefault(UserId);

        Assert.Same(set.Default, CreateSut(set).GetActiveRule(Now));
    }

    [Fact]
    public void GetMatchingRules_SomeFramesActive_ThoseRulesEnabledOrNotThenDefault()
    {
        var set = CreateSet(
            AnsweringRule.For("Always") with { Enabled = false },
            AnsweringRule.For("Never"),
            AnsweringRule.For(Deleted),
            AnsweringRule.For("Also always"));

        var matching = CreateSut(set).GetMatchingRules(Now);

        Assert.Equal(new[] { set.Rules[0], set.Rules[3], set.Default }, matching);
    }

    [Fact]
    public void GetMatchingRules_NoFrameActive_OnlyDefault()
    {
        var set = CreateSet(AnsweringRule.For("Never"), AnsweringRule.For(Deleted));

        Assert.Equal(new[] { set.Default }, CreateSut(set).GetMatchingRules(Now));
    }

    // Compile.

    [Fact]
    public void Compile_StrictWithUnknownTimeFrame_ThrowsForThatRule()
    {
        var set = CreateSet(AnsweringRule.For("Always"), AnsweringRule.For(Deleted), AnsweringRule.For("Never"));

        var e = Assert.Throws<RoutingValidationException>(() => CompiledAnsweringRules.Compile(set, Frames, Numbers, strict: true));

        Assert.Equal("Rules[1].TimeFrame", e.Field);
        Assert.Contains(Deleted, e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_StrictWithEveryTimeFrameKnown_Compiles()
    {
        var set = CreateSet(AnsweringRule.For("Always"), AnsweringRule.For("never"));

        var sut = CompiledAnsweringRules.Compile(set, Frames, Numbers, strict: true);

        Assert.Same(set, sut.Rules);
    }

    [Fact]
    public void Compile_NotStrictWithUnknownTimeFrame_CompilesAndRuleNeverApplies()
    {
        var set = CreateSet(AnsweringRule.For(Deleted) with { DoNotDisturb = true });

        var sut = CompiledAnsweringRules.Compile(set, Frames, Numbers, strict: false);

        Assert.Same(set.Default, sut.GetActiveRule(Now));
        Assert.Equal(new[] { set.Default }, sut.GetMatchingRules(Now));
    }

    [Fact]
    public void Compile_NullArgument_Throws()
    {
        var set = CreateSet();

        Assert.Throws<ArgumentNullException>(() => CompiledAnsweringRules.Compile(null!, Frames, Numbers));
        Assert.Throws<ArgumentNullException>(() => CompiledAnsweringRules.Compile(set, null!, Numbers));
        Assert.Throws<ArgumentNullException>(() => CompiledAnsweringRules.Compile(set, Frames, null!));
    }

    private static CompiledAnsweringRules CreateSut(AnsweringRuleSet set) => CompiledAnsweringRules.Compile(set, Frames, Numbers);

    private static long RouteMany(CompiledAnsweringRules sut, IncomingCall[] calls, UserState[] states, int count)
    {
        long checksum = 0;
        for (var i = 0; i < count; i++)
        {
            var decision = sut.Route(calls[i % calls.Length], states[i % states.Length], Now + Duration.FromMinutes(i));
            checksum += (int)decision.Reason;
        }

        return checksum;
    }
}
