using NodaTime;
using static K7.Routing.Tests.Evaluation.RoutingFixtures;

namespace K7.Routing.Tests.Evaluation;

/// <summary>
/// One test per row of the precedence table of docs/routing.md, and the interactions between rows. Every decision is
/// taken by the compiled rules and checked against the reference interpreter.
/// </summary>
public sealed class PrecedenceTableTests
{
    private static readonly Destination Tim = Destination.User("207");
    private static readonly Destination Cell = Destination.ExternalNumber("+15555550123");
    private static readonly Destination Mailbox = Destination.Voicemail(UserId);

    // Row 1: the block list.

    [Fact]
    public void Route_CallerOnBlockList_Rejects()
    {
        var decision = Route(CreateSet(), Blocked, Idle);

        Assert.Equal(RouteOutcome.Reject, decision.Outcome);
        Assert.Equal(RouteReason.BlockList, decision.Reason);
        Assert.Equal(string.Empty, decision.RuleName);
        Assert.Null(decision.Destination);
        Assert.Empty(decision.Targets);
    }

    [Fact]
    public void Route_CallerOnBlockAndAllowLists_BlockListWins()
    {
        var set = CreateSet().WithLists(NumberList.Create([Spam, FrontDesk]), BlockList);

        var decision = Route(set, Blocked, Idle);

        Assert.Equal(RouteReason.BlockList, decision.Reason);
    }

    [Fact]
    public void Route_BlockedCallerWhateverTheRuleAndState_Rejects()
    {
        var rule = AnsweringRule.For("Always") with
        {
            DoNotDisturb = true,
            CallScreening = true,
            Forwarding = new CallForwarding { Always = Tim, OnActive = Tim, WhenOffline = Tim, OnDoNotDisturb = Tim },
        };
        var set = CreateSet(rule).WithBlockAnonymous(true).WithVoicemail(false);

        foreach (var state in new[] { Idle, OnCall, Offline, new UserState(3, 0) })
        {
            Assert.Equal(RouteReason.BlockList, Route(set, Blocked, state).Reason);
            Assert.Equal(RouteReason.BlockList, Route(set, Blocked with { CallerName = null }, state).Reason);
        }
    }

    [Fact]
    public void Route_BlockedCallerWithoutNameWhileBlockingAnonymous_RejectsForTheBlockList()
    {
        var decision = Route(CreateSet().WithBlockAnonymous(true), new IncomingCall("+15551231111", null), Idle);

        Assert.Equal(RouteReason.BlockList, decision.Reason);
    }

    [Theory]
    [InlineData("555-123-1111")]
    [InlineData("(555) 123-1111")]
    [InlineData("+15551231111")]
    [InlineData("5551231111")]
    [InlineData("+1 555 123 1111")]
    [InlineData("+1 (555) 123-1111")]
    [InlineData("1-555-123-1111")]
    [InlineData("555.123.1111")]
    public void Route_BlockedNumberInAnyCommonFormat_HitsTheOneEntry(string number)
    {
        var set = CreateSet();
        var call = new IncomingCall(number, "Spam Co");

        var decision = Route(set, call, Idle);
        var explanation = CreateSut(set).Explain(call, Idle, Now);

        Assert.Equal(RouteReason.BlockList, decision.Reason);
        Assert.Same(Spam, explanation.BlockListEntry);
    }

    [Theory]
    [InlineData("555-123-1111")]
    [InlineData("(555) 123-1111")]
    [InlineData("+15551231111")]
    public void Route_EntryWrittenNationallyAndCallerInAnyForm_Rejects(string entry)
    {
        var set = CreateSet().WithLists(NumberList.Empty, NumberList.Create([new NumberListEntry(Numbers.Parse(entry), null)]));

        foreach (var number in new[] { "555-123-1111", "(555) 123-1111", "+15551231111" })
        {
            Assert.Equal(RouteReason.BlockList, Route(set, new IncomingCall(number, "Spam Co"), Idle).Reason);
        }
    }

    [Fact]
    public void Route_NumberCloseToBlockedOne_IsNotRejected()
    {
        var decision = Route(CreateSet(), new IncomingCall("(555) 123-1112", "Neighbour"), Idle);

        Assert.Equal(RouteOutcome.Ring, decision.Outcome);
    }

    // Row 2: anonymous or unknown callers.

    [Theory]
    [InlineData("+15559876543", null)]
    [InlineData("+15559876543", "")]
    [InlineData("+15559876543", "   ")]
    [InlineData(null, "Gary Smith")]
    [InlineData("", "Gary Smith")]
    [InlineData(null, null)]
    public void Route_AnonymousCallerWhileBlockingAnonymous_Rejects(string? number, string? name)
    {
        var decision = Route(CreateSet().WithBlockAnonymous(true), new IncomingCall(number, name), Idle);

        Assert.Equal(RouteOutcome.Reject, decision.Outcome);
        Assert.Equal(RouteReason.AnonymousCaller, decision.Reason);
        Assert.Equal(string.Empty, decision.RuleName);
    }

    [Theory]
    [InlineData("+15559876543", null)]
    [InlineData(null, "Gary Smith")]
    public void Route_AnonymousCallerWithoutAnonymousBlock_Rings(string? number, string? name)
    {
        var decision = Route(CreateSet(), new IncomingCall(number, name), Idle);

        Assert.Equal(RouteOutcome.Ring, decision.Outcome);
    }

    [Fact]
    public void Route_AllowListedCallerWithoutName_BypassesAnonymousBlock()
    {
        var decision = Route(CreateSet().WithBlockAnonymous(true), Allowed with { CallerName = null }, Idle);

        Assert.Equal(RouteOutcome.Ring, decision.Outcome);
        Assert.Equal("Default", decision.RuleName);
    }

    [Fact]
    public void Route_AnonymousCallerWhenRuleForwardsAlways_RejectsBeforeAnyRule()
    {
        var set = CreateSet(AnsweringRule.For("Always") with { Forwarding = new CallForwarding { Always = Tim } }).WithBlockAnonymous(true);

        var decision = Route(set, Stranger with { CallerName = null }, Idle);

        Assert.Equal(RouteReason.AnonymousCaller, decision.Reason);
    }

    [Fact]
    public void Route_NamedCallerWithUnreadableNumberWhileBlockingAnonymous_IsNotRejected()
    {
        var decision = Route(CreateSet().WithBlockAnonymous(true), new IncomingCall("not a number", "Gary Smith"), Idle);

        Assert.Equal(RouteOutcome.Ring, decision.Outcome);
    }

    // Row 3: choosing the rule.

    [Fact]
    public void Route_TwoActiveRules_FirstApplies()
    {
        var set = CreateSet(
            AnsweringRule.For("Never") with { Forwarding = new CallForwarding { Always = Destination.User("201") } },
            AnsweringRule.For("Always") with { Forwarding = new CallForwarding { Always = Tim } },
            AnsweringRule.For("Also always") with { Forwarding = new CallForwarding { Always = Cell } });

        var decision = Route(set, Stranger, Idle);

        Assert.Equal("Always", decision.RuleName);
        Assert.Equal(Tim, decision.Destination);
    }

    [Fact]
    public void Route_FirstActiveRuleDisabled_NextEnabledActiveRuleApplies()
    {
        var set = CreateSet(
            AnsweringRule.For("Always") with { Enabled = false, Forwarding = new CallForwarding { Always = Tim } },
            AnsweringRule.For("Also always") with { Forwarding = new CallForwarding { Always = Cell } });

        var decision = Route(set, Stranger, Idle);

        Assert.Equal("Also always", decision.RuleName);
        Assert.Equal(Cell, decision.Destination);
    }

    [Fact]
    public void Route_OnlyActiveRuleDisabled_DefaultApplies()
    {
        var set = CreateSet(AnsweringRule.For("Always") with { Enabled = false, DoNotDisturb = true });

        var decision = Route(set, Stranger, Idle);

        Assert.Equal("Default", decision.RuleName);
        Assert.Equal(RouteOutcome.Ring, decision.Outcome);
    }

    [Fact]
    public void Route_NoRuleActive_DefaultApplies()
    {
        var set = CreateSet(AnsweringRule.For("Never") with { DoNotDisturb = true });

        var decision = Route(set, Stranger, Idle);

        Assert.Equal("Default", decision.RuleName);
        Assert.Equal(RouteReason.Ring, decision.Reason);
    }

    [Fact]
    public void Route_RuleWhoseTimeFrameWasDeleted_NeverApplies()
    {
        var set = CreateSet(AnsweringRule.For(Deleted) with { Forwarding = new CallForwarding { Always = Tim } });

        var decision = Route(set, Stranger, Idle);

        Assert.Equal("Default", decision.RuleName);
        Assert.Equal(RouteOutcome.Ring, decision.Outcome);
    }

    [Fact]
    public void Route_DeletedFrameRuleAboveActiveRule_ActiveRuleApplies()
    {
        var set = CreateSet(
            AnsweringRule.For(Deleted) with { DoNotDisturb = true },
            AnsweringRule.For("Always") with { Forwarding = new CallForwarding { Always = Tim } });

        Assert.Equal("Always", Route(set, Stranger, Idle).RuleName);
    }

    // Row 4: do not disturb.

    [Fact]
    public void Route_DoNotDisturbWithDestination_ForwardsThere()
    {
        var set = CreateSet(AnsweringRule.For("Always") with { DoNotDisturb = true, Forwarding = new CallForwarding { OnDoNotDisturb = Tim } });

        var decision = Route(set, Stranger, Idle);

        Assert.Equal(new RouteDecision(RouteOutcome.Forward, RouteReason.DoNotDisturb, "Always", Tim), decision);
    }

    [Fact]
    public void Route_DoNotDisturbWithoutDestination_GoesToVoicemail()
    {
        var set = CreateSet(AnsweringRule.For("Always") with { DoNotDisturb = true });

        var decision = Route(set, Stranger, Idle);

        Assert.Equal(new RouteDecision(RouteOutcome.Voicemail, RouteReason.DoNotDisturb, "Always", Mailbox), decision);
    }

    [Fact]
    public void Route_DoNotDisturbWithoutDestinationOrVoicemail_Disconnects()
    {
        var set = CreateSet(AnsweringRule.For("Always") with { DoNotDisturb = true }).WithVoicemail(false);

        var decision = Route(set, Stranger, Idle);

        Assert.Equal(new RouteDecision(RouteOutcome.Disconnect, RouteReason.DoNotDisturb, "Always"), decision);
    }

    [Fact]
    public void Route_DoNotDisturbWithDestinationAndVoicemailOff_StillForwards()
    {
        var set = CreateSet(AnsweringRule.For("Always") with { DoNotDisturb = true, Forwarding = new CallForwarding { OnDoNotDisturb = Cell } }).WithVoicemail(false);

        var decision = Route(set, Stranger, Idle);

        Assert.Equal(RouteOutcome.Forward, decision.Outcome);
        Assert.Equal(Cell, decision.Destination);
    }

    [Fact]
    public void Route_DoNotDisturbAndForwardAlways_DoNotDisturbWins()
    {
        var set = CreateSet(AnsweringRule.For("Always") with { DoNotDisturb = true, Forwarding = new CallForwarding { Always = Tim } });

        var decision = Route(set, Stranger, Offline);

        Assert.Equal(RouteReason.DoNotDisturb, decision.Reason);
        Assert.Equal(RouteOutcome.Voicemail, decision.Outcome);
    }

    [Fact]
    public void Route_DoNotDisturbOnDefaultRule_Applies()
    {
        var set = CreateSet().Replace(AnsweringRule.Default with { DoNotDisturb = true });

        var decision = Route(set, Stranger, Idle);

        Assert.Equal(new RouteDecision(RouteOutcome.Voicemail, RouteReason.DoNotDisturb, "Default", Mailbox), decision);
    }

    [Fact]
    public void Route_AllowListedCallerDuringDoNotDisturb_RingsUnscreened()
    {
        var set = CreateSet(AnsweringRule.For("Always") with { DoNotDisturb = true, CallScreening = true });

        var decision = Route(set, Allowed, Idle);

        Assert.Equal(RouteOutcome.Ring, decision.Outcome);
        Assert.Equal(RouteReason.Ring, decision.Reason);
        Assert.Equal("Always", decision.RuleName);
        Assert.False(decision.Screening);
    }

    // Row 5: forward always.

    [Fact]
    public void Route_ForwardAlways_Forwards()
    {
        var set = CreateSet(AnsweringRule.For("Always") with { Forwarding = new CallForwarding { Always = Destination.Conference("300") } });

        var decision = Route(set, Stranger, Idle);

        Assert.Equal(new RouteDecision(RouteOutcome.Forward, RouteReason.ForwardAlways, "Always", Destination.Conference("300")), decision);
    }

    [Fact]
    public void Route_ForwardAlwaysWhileOfflineAndOnCall_ForwardsAlways()
    {
        var rule = AnsweringRule.For("Always") with { Forwarding = new CallForwarding { Always = Tim, WhenOffline = Cell, OnActive = Destination.User("203") } };

        var decision = Route(CreateSet(rule), Stranger, new UserState(ActiveCalls: 2, RegisteredDevices: 0));

        Assert.Equal(RouteReason.ForwardAlways, decision.Reason);
        Assert.Equal(Tim, decision.Destination);
    }

    [Fact]
    public void Route_AllowListedCallerWithForwardAlways_IsForwardedToo()
    {
        var set = CreateSet(AnsweringRule.For("Always") with { Forwarding = new CallForwarding { Always = Tim } });

        Assert.Equal(RouteReason.ForwardAlways, Route(set, Allowed, Idle).Reason);
    }

    // Row 6: offline.

    [Fact]
    public void Route_OfflineWithOfflineForward_Forwards()
    {
        var set = CreateSet(AnsweringRule.For("Always") with { Forwarding = new CallForwarding { WhenOffline = Cell } });

        var decision = Route(set, Stranger, Offline);

        Assert.Equal(new RouteDecision(RouteOutcome.Forward, RouteReason.Offline, "Always", Cell), decision);
    }

    [Fact]
    public void Route_OfflineWithoutOfflineForward_StillRingsWithUnansweredFallback()
    {
        var ring = new SimultaneousRing { Targets = [new RingTarget(Cell)] };
        var set = CreateSet(AnsweringRule.For("Always") with { SimultaneousRing = ring, Forwarding = new CallForwarding { WhenUnanswered = Tim } });

        var decision = Route(set, Stranger, Offline);

        Assert.Equal(RouteOutcome.Ring, decision.Outcome);
        Assert.Equal(RouteReason.Ring, decision.Reason);
        Assert.Equal(Legs(new RingLeg(Cell, Duration.Zero, false), new RingLeg(Destination.Device(UserId), Duration.Zero, false)), decision.Targets);
        Assert.Equal(Tim, decision.WhenUnanswered);
        Assert.Equal(Tim, decision.WhenOffline);
    }

    [Fact]
    public void Route_OfflineWithoutAnyForward_OfflineFallbackIsVoicemail()
    {
        var decision = Route(CreateSet(), Stranger, Offline);

        Assert.Equal(RouteOutcome.Ring, decision.Outcome);
        Assert.Equal(Mailbox, decision.WhenOffline);
    }

    [Fact]
    public void Route_OfflineWithoutAnyForwardOrVoicemail_OfflineFallbackIsDisconnect()
    {
        var decision = Route(CreateSet().WithVoicemail(false), Stranger, Offline);

        Assert.Equal(RouteOutcome.Ring, decision.Outcome);
        Assert.Null(decision.WhenOffline);
    }

    [Fact]
    public void Route_OnlineWithOfflineForward_RingsWithOfflineFallback()
    {
        var set = CreateSet(AnsweringRule.For("Always") with { Forwarding = new CallForwarding { WhenOffline = Cell, WhenUnanswered = Tim } });

        var decision = Route(set, Stranger, Idle);

        Assert.Equal(RouteOutcome.Ring, decision.Outcome);
        Assert.Equal(Cell, decision.WhenOffline);
        Assert.Equal(Tim, decision.WhenUnanswered);
    }

    [Fact]
    public void Route_OfflineAndOnCallWithBothForwards_OfflineWins()
    {
        var set = CreateSet(AnsweringRule.For("Always") with { Forwarding = new CallForwarding { WhenOffline = Cell, OnActive = Tim } });

        var decision = Route(set, Stranger, new UserState(ActiveCalls: 1, RegisteredDevices: 0));

        Assert.Equal(RouteReason.Offline, decision.Reason);
        Assert.Equal(Cell, decision.Destination);
    }

    // Row 7: on active.

    [Fact]
    public void Route_OnCallWithOnActiveForward_Forwards()
    {
        var set = CreateSet(AnsweringRule.For("Always") with { Forwarding = new CallForwarding { OnActive = Tim } });

        var decision = Route(set, Stranger, OnCall);

        Assert.Equal(new RouteDecision(RouteOutcome.Forward, RouteReason.OnActive, "Always", Tim), decision);
    }

    [Fact]
    public void Route_NotOnCallWithOnActiveForward_Rings()
    {
        var set = CreateSet(AnsweringRule.For("Always") with { Forwarding = new CallForwarding { OnActive = Tim } });

        Assert.Equal(RouteOutcome.Ring, Route(set, Stranger, Idle).Outcome);
    }

    [Fact]
    public void Route_OnCallWithoutOnActiveForward_Rings()
    {
        Assert.Equal(RouteOutcome.Ring, Route(CreateSet(), Stranger, OnCall).Outcome);
    }

    [Fact]
    public void Route_AllowListedCallerOnCallWithOnActiveForward_IsForwarded()
    {
        var set = CreateSet(AnsweringRule.For("Always") with { Forwarding = new CallForwarding { OnActive = Tim } });

        Assert.Equal(RouteReason.OnActive, Route(set, Allowed, OnCall).Reason);
    }

    // Row 8: ring.

    [Fact]
    public void Route_JustRing_RingsTheUsersMainDeviceThenVoicemail()
    {
        var decision = Route(CreateSet(), Stranger, Idle);

        var expected = new RouteDecision(
            RouteOutcome.Ring,
            RouteReason.Ring,
            "Default",
            targets: [new RingLeg(Destination.Device(UserId), Duration.Zero, false)],
            ringTimeout: Duration.FromSeconds(25),
            screening: false,
            whenUnanswered: Mailbox,
            whenBusy: Mailbox,
            whenOffline: Mailbox);
        Assert.Equal(expected, decision);
    }

    [Fact]
    public void Route_RingTimeoutSet_RingsForIt()
    {
        var decision = Route(CreateSet().WithRingTimeout(Duration.FromSeconds(40)), Stranger, Idle);

        Assert.Equal(Duration.FromSeconds(40), decision.RingTimeout);
    }

    [Fact]
    public void Route_SimultaneousRing_TargetsInOrderWithDelaysThenUserExtension()
    {
        var ring = new SimultaneousRing
        {
            Targets =
            [
                new RingTarget(Destination.Device("202wp"), Duration.Zero),
                new RingTarget(Cell, Duration.FromSeconds(5)),
                new RingTarget(Destination.User("203"), Duration.FromSeconds(10)),
            ],
        };
        var set = CreateSet(AnsweringRule.For("Always") with { SimultaneousRing = ring });

        var decision = Route(set, Stranger, Idle);

        var expected = Legs(
            new RingLeg(Destination.Device("202wp"), Duration.Zero, false),
            new RingLeg(Cell, Duration.FromSeconds(5), false),
            new RingLeg(Destination.User("203"), Duration.FromSeconds(10), false),
            new RingLeg(Destination.Device(UserId), Duration.Zero, false));
        Assert.Equal(expected, decision.Targets);
    }

    [Fact]
    public void Route_SimultaneousRingAllUserPhones_EndsWithAllDevicesOfTheUser()
    {
        var ring = new SimultaneousRing { RingAllUserPhones = true, Targets = [new RingTarget(Cell, Duration.FromSeconds(3))] };
        var set = CreateSet(AnsweringRule.For("Always") with { SimultaneousRing = ring });

        var decision = Route(set, Stranger, Idle);

        Assert.Equal(Legs(new RingLeg(Cell, Duration.FromSeconds(3), false), new RingLeg(Destination.UserDevices(UserId), Duration.Zero, false)), decision.Targets);
    }

    [Fact]
    public void Route_SimultaneousRingAllUserPhonesOnly_RingsAllDevices()
    {
        var ring = new SimultaneousRing { IncludeUserExtension = false, RingAllUserPhones = true };
        var set = CreateSet(AnsweringRule.For("Always") with { SimultaneousRing = ring });

        Assert.Equal(Legs(new RingLeg(Destination.UserDevices(UserId), Duration.Zero, false)), Route(set, Stranger, Idle).Targets);
    }

    [Fact]
    public void Route_SimultaneousRingWithoutUserExtension_RingsOnlyTheTargets()
    {
        var ring = new SimultaneousRing { IncludeUserExtension = false, Targets = [new RingTarget(Destination.Device("202wp"))] };
        var set = CreateSet(AnsweringRule.For("Always") with { SimultaneousRing = ring });

        Assert.Equal(Legs(new RingLeg(Destination.Device("202wp"), Duration.Zero, false)), Route(set, Stranger, Idle).Targets);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Route_AnswerConfirmation_OnlyForOffNetTargetsAndOnlyWhenEnabled(bool enabled)
    {
        var ring = new SimultaneousRing
        {
            AnswerConfirmationForOffNet = enabled,
            Targets = [new RingTarget(Destination.Device("202wp")), new RingTarget(Cell, Duration.FromSeconds(5)), new RingTarget(Tim)],
        };
        var set = CreateSet(AnsweringRule.For("Always") with { SimultaneousRing = ring });

        var decision = Route(set, Stranger, Idle);

        Assert.Equal(new[] { false, enabled, false, false }, decision.Targets.Select(t => t.AnswerConfirmation));
    }

    [Fact]
    public void Route_JustRingWithBusyForward_BusyGoesThere()
    {
        var set = CreateSet(AnsweringRule.For("Always") with { Forwarding = new CallForwarding { WhenBusy = Destination.Voicemail(UserId), WhenUnanswered = Cell } });

        var decision = Route(set, Stranger, OnCall);

        Assert.Equal(RouteOutcome.Ring, decision.Outcome);
        Assert.Equal(Destination.Voicemail(UserId), decision.WhenBusy);
        Assert.Equal(Cell, decision.WhenUnanswered);
    }

    [Fact]
    public void Route_JustRingWithoutBusyForward_BusyAsUnanswered()
    {
        var set = CreateSet(AnsweringRule.For("Always") with { Forwarding = new CallForwarding { WhenUnanswered = Cell } });

        Assert.Equal(Cell, Route(set, Stranger, OnCall).WhenBusy);
    }

    [Fact]
    public void Route_SimultaneousRing_BusyAsUnanswered()
    {
        var ring = new SimultaneousRing { Targets = [new RingTarget(Destination.Device("202wp"))] };
        var set = CreateSet(AnsweringRule.For("Always") with { SimultaneousRing = ring, Forwarding = new CallForwarding { WhenUnanswered = Tim } });

        var decision = Route(set, Stranger, OnCall);

        Assert.Equal(Tim, decision.WhenBusy);
        Assert.Equal(Tim, decision.WhenUnanswered);
    }

    [Fact]
    public void Route_NoUnansweredForward_UnansweredGoesToVoicemail()
    {
        Assert.Equal(Mailbox, Route(CreateSet(), Stranger, Idle).WhenUnanswered);
    }

    [Fact]
    public void Route_NoUnansweredForwardAndVoicemailOff_EveryFallbackDisconnects()
    {
        var decision = Route(CreateSet().WithVoicemail(false), Stranger, Idle);

        Assert.Equal(RouteOutcome.Ring, decision.Outcome);
        Assert.Null(decision.WhenUnanswered);
        Assert.Null(decision.WhenBusy);
        Assert.Null(decision.WhenOffline);
    }

    [Fact]
    public void Route_UnansweredForwardAndVoicemailOff_UnansweredGoesThere()
    {
        var set = CreateSet(AnsweringRule.For("Always") with { Forwarding = new CallForwarding { WhenUnanswered = Tim } }).WithVoicemail(false);

        Assert.Equal(Tim, Route(set, Stranger, Idle).WhenUnanswered);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Route_CallScreening_ScreensUnlessAllowListed(bool allowListed, bool screened)
    {
        var set = CreateSet(AnsweringRule.For("Always") with { CallScreening = true });

        var decision = Route(set, allowListed ? Allowed : Stranger, Idle);

        Assert.Equal(RouteOutcome.Ring, decision.Outcome);
        Assert.Equal(screened, decision.Screening);
    }

    [Fact]
    public void Route_NoScreeningInRule_DoesNotScreen()
    {
        Assert.False(Route(CreateSet(), Stranger, Idle).Screening);
    }

    private static CompiledAnsweringRules CreateSut(AnsweringRuleSet set) => CompiledAnsweringRules.Compile(set, Frames, Numbers);

    /// <summary>Routes with the compiled rules, checks the reference interpreter agrees, and returns the decision.</summary>
    private static RouteDecision Route(AnsweringRuleSet set, IncomingCall call, UserState state)
    {
        var decision = CreateSut(set).Route(call, state, Now);
        var reference = new ReferenceRouter(set, Frames, Region).Route(call, state, Now);
        Assert.True(reference.Equals(decision), $"Compiled: {decision}; reference: {reference}.");
        return decision;
    }

    private static RingLeg[] Legs(params RingLeg[] legs) => legs;
}
