using NodaTime;

namespace K7.Routing.Tests.Rules;

public sealed class AnsweringRuleSetTests
{
    private static readonly Destination Tim = Destination.User("207");
    private static readonly Destination Cell = Destination.ExternalNumber("+15555550123");
    private static readonly PhoneNumberCanonicalizer Numbers = new("US");
    private static readonly NumberList Allow = NumberList.Create([new NumberListEntry(Numbers.Parse("+15551230000"), "Front desk")]);
    private static readonly NumberList Block = NumberList.Create([new NumberListEntry(Numbers.Parse("+15551231111"), "Spam")]);

    // Creation.

    [Fact]
    public void CreateDefault_User_OnlyDefaultRuleWithPortalDefaults()
    {
        var set = AnsweringRuleSet.CreateDefault("202");

        Assert.Equal("202", set.UserId);
        Assert.Empty(set.Rules);
        Assert.Equal(AnsweringRule.Default, set.Default);
        Assert.True(set.Default.IsDefault);
        Assert.True(set.Default.Enabled);
        Assert.Null(set.Default.SimultaneousRing);
        Assert.Equal(CallForwarding.None, set.Default.Forwarding);
        Assert.Equal(Duration.FromSeconds(25), set.RingTimeout);
        Assert.Same(NumberList.Empty, set.AllowList);
        Assert.Same(NumberList.Empty, set.BlockList);
        Assert.False(set.BlockAnonymous);
        Assert.True(set.VoicemailEnabled);
    }

    [Fact]
    public void Create_ValidParts_KeepsThemInOrder()
    {
        var set = CreateSut();

        Assert.Equal(new[] { "Out of Office", "Office hours", "Night shift" }, Names(set));
        Assert.Equal(Duration.FromSeconds(30), set.RingTimeout);
        Assert.Same(Allow, set.AllowList);
        Assert.Same(Block, set.BlockList);
        Assert.True(set.BlockAnonymous);
        Assert.True(set.VoicemailEnabled);
    }

    [Fact]
    public void Equals_SameParts_EqualWithSameHashCode()
    {
        Assert.Equal(CreateSut(), CreateSut());
        Assert.Equal(CreateSut().GetHashCode(), CreateSut().GetHashCode());
        Assert.True(CreateSut().Equals((object)CreateSut()));
    }

    [Fact]
    public void Equals_DifferentPart_NotEqual()
    {
        var set = CreateSut();

        Assert.NotEqual(set, set.WithRingTimeout(Duration.FromSeconds(31)));
        Assert.NotEqual(set, set.WithBlockAnonymous(false));
        Assert.NotEqual(set, set.WithVoicemail(false));
        Assert.NotEqual(set, set.SetEnabled("Night shift", false));
        Assert.NotEqual(set, set.MoveDown("Out of Office"));
        Assert.NotEqual(set, set.Replace(AnsweringRule.Default with { CallScreening = true }));
        Assert.NotEqual(set, set.WithLists(NumberList.Empty, Block));
        Assert.False(set.Equals(null));
    }

    // Validation: every rule names its field.

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_NoUser_ThrowsForUserId(string userId)
    {
        AssertInvalid("UserId", () => Create(userId: userId));
    }

    [Fact]
    public void Create_UserWithControlCharacterOrUnpairedSurrogate_ThrowsForUserId()
    {
        // Built here rather than in attributes: attribute strings are stored as UTF-8, where a lone surrogate becomes U+FFFD.
        foreach (var userId in new[] { "20\n2", "202\0", "202\uD800", "\uDC00202" })
        {
            AssertInvalid("UserId", () => Create(userId: userId));
        }
    }

    [Fact]
    public void Create_UserLongerThan64_ThrowsForUserId()
    {
        AssertInvalid("UserId", () => Create(userId: new string('2', 65)));
        Assert.Equal(64, Create(userId: new string('2', 64)).UserId.Length);
    }

    [Fact]
    public void Create_TimeFrameWithControlCharacterOrUnpairedSurrogate_ThrowsForItsTimeFrame()
    {
        foreach (var name in new[] { "Lunch\t", "Lu\u0007nch", "Lunch \uD83D", "\uDE00 Lunch" })
        {
            AssertInvalid("Rules[0].TimeFrame", () => Create(rules: [AnsweringRule.For(name)]));
        }
    }

    [Fact]
    public void Create_TimeFrameLongerThanATimeFrameName_ThrowsForItsTimeFrame()
    {
        AssertInvalid("Rules[1].TimeFrame", () => Create(rules: [AnsweringRule.For("A"), AnsweringRule.For(new string('x', 101))]));
        Assert.Single(Create(rules: [AnsweringRule.For(new string('x', 100))]).Rules);
    }

    [Fact]
    public void Create_NamesWithSurrogatePairs_AreAccepted()
    {
        var set = Create(userId: "202 \U0001F600", rules: [AnsweringRule.For("Lunch \U0001F354") with { Forwarding = new CallForwarding { Always = Destination.Other("queue \U0001F4DE") } }]);

        Assert.Equal("Lunch \U0001F354", set.Rules[0].TimeFrame);
    }

    [Fact]
    public void Create_DestinationWithControlCharacterOrUnpairedSurrogate_ThrowsForItsValue()
    {
        foreach (var value in new[] { "aa-100\r\n", "aa\u0000100", "aa-100\uDFFF", "\uD800\uD800" })
        {
            var rule = AnsweringRule.For("A") with { Forwarding = new CallForwarding { WhenOffline = Destination.Other(value) } };

            AssertInvalid("Rules[0].Forwarding.WhenOffline.Value", () => Create(rules: [rule]));
        }
    }

    [Fact]
    public void Create_NullUser_ThrowsForUserId()
    {
        AssertInvalid("UserId", () => Create(userId: null!));
    }

    [Theory]
    [InlineData(4_000)]
    [InlineData(301_000)]
    [InlineData(0)]
    [InlineData(-25_000)]
    [InlineData(5_500)]
    [InlineData(29_999)]
    public void Create_RingTimeoutOutsideFiveToThreeHundredWholeSeconds_ThrowsForRingTimeout(int milliseconds)
    {
        AssertInvalid("RingTimeout", () => Create(ringTimeout: Duration.FromMilliseconds(milliseconds)));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(300)]
    public void Create_RingTimeoutAtBound_IsAccepted(int seconds)
    {
        Assert.Equal(Duration.FromSeconds(seconds), Create(ringTimeout: Duration.FromSeconds(seconds)).RingTimeout);
    }

    [Fact]
    public void Create_NullAllowList_ThrowsForAllowList()
    {
        AssertInvalid("AllowList", () => AnsweringRuleSet.Create("202", [], AnsweringRule.Default, AnsweringRuleSet.DefaultRingTimeout, null!, Block, false, true));
    }

    [Fact]
    public void Create_NullBlockList_ThrowsForBlockList()
    {
        AssertInvalid("BlockList", () => AnsweringRuleSet.Create("202", [], AnsweringRule.Default, AnsweringRuleSet.DefaultRingTimeout, Allow, null!, false, true));
    }

    [Fact]
    public void Create_NullDefault_ThrowsForDefault()
    {
        AssertInvalid("Default", () => AnsweringRuleSet.Create("202", [], null!, AnsweringRuleSet.DefaultRingTimeout, Allow, Block, false, true));
    }

    [Fact]
    public void Create_DefaultWithTimeFrame_ThrowsForDefaultTimeFrame()
    {
        AssertInvalid("Default.TimeFrame", () => Create(defaultRule: AnsweringRule.For("Office hours")));
    }

    [Fact]
    public void Create_InvalidDefaultRule_ThrowsForDefaultPath()
    {
        var rule = AnsweringRule.Default with { SimultaneousRing = new SimultaneousRing(), Forwarding = new CallForwarding { WhenBusy = Tim } };

        AssertInvalid("Default.Forwarding.WhenBusy", () => Create(defaultRule: rule));
    }

    [Fact]
    public void Create_MoreThanHundredRules_ThrowsForRules()
    {
        var rules = Enumerable.Range(0, AnsweringRuleSet.MaxRules + 1).Select(i => AnsweringRule.For($"Frame {i}"));

        AssertInvalid("Rules", () => Create(rules: rules));
    }

    [Fact]
    public void Create_HundredRules_IsAccepted()
    {
        var rules = Enumerable.Range(0, AnsweringRuleSet.MaxRules).Select(i => AnsweringRule.For($"Frame {i}"));

        Assert.Equal(AnsweringRuleSet.MaxRules, Create(rules: rules).Rules.Length);
    }

    [Fact]
    public void Create_NullRule_ThrowsForItsPosition()
    {
        AssertInvalid("Rules[1]", () => Create(rules: [AnsweringRule.For("A"), null!]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("Default")]
    [InlineData("DEFAULT")]
    public void Create_RuleWithoutUsableTimeFrame_ThrowsForItsTimeFrame(string? name)
    {
        AssertInvalid("Rules[1].TimeFrame", () => Create(rules: [AnsweringRule.For("A"), new AnsweringRule { TimeFrame = name }]));
    }

    [Fact]
    public void Create_TwoRulesForOneTimeFrame_ThrowsForTheSecond()
    {
        AssertInvalid("Rules[2].TimeFrame", () => Create(rules: [AnsweringRule.For("Office hours"), AnsweringRule.For("Night shift"), AnsweringRule.For("office HOURS")]));
    }

    [Fact]
    public void Create_NullForwarding_ThrowsForForwarding()
    {
        AssertInvalid("Rules[0].Forwarding", () => Create(rules: [AnsweringRule.For("A") with { Forwarding = null! }]));
    }

    [Fact]
    public void Create_WhenBusyWithSimultaneousRing_ThrowsForWhenBusy()
    {
        var rule = AnsweringRule.For("A") with
        {
            SimultaneousRing = new SimultaneousRing { Targets = [new RingTarget(Destination.Device("202wp"))] },
            Forwarding = new CallForwarding { WhenBusy = Destination.Voicemail("202") },
        };

        AssertInvalid("Rules[1].Forwarding.WhenBusy", () => Create(rules: [AnsweringRule.For("B"), rule]));
    }

    [Fact]
    public void Create_WhenBusyWithJustRing_IsAccepted()
    {
        var rule = AnsweringRule.For("A") with { Forwarding = new CallForwarding { WhenBusy = Destination.Voicemail("202") } };

        Assert.Equal(rule, Create(rules: [rule]).Rules[0]);
    }

    [Theory]
    [MemberData(nameof(ForwardNames))]
    public void Create_ForwardToAllPhonesOfUser_ThrowsForThatForward(string name)
    {
        var rule = AnsweringRule.For("A") with { Forwarding = Forward(name, Destination.UserDevices("202")) };

        AssertInvalid($"Rules[0].Forwarding.{name}", () => Create(rules: [rule]));
    }

    [Theory]
    [MemberData(nameof(ForwardNames))]
    public void Create_ForwardWithoutValue_ThrowsForItsValue(string name)
    {
        var rule = AnsweringRule.For("A") with { Forwarding = Forward(name, Destination.User(" ")) };

        AssertInvalid($"Rules[0].Forwarding.{name}.Value", () => Create(rules: [rule]));
    }

    [Theory]
    [MemberData(nameof(ForwardNames))]
    public void Create_ForwardToNonE164Number_ThrowsForItsValue(string name)
    {
        var rule = AnsweringRule.For("A") with { Forwarding = Forward(name, Destination.ExternalNumber("555-555-0123")) };

        AssertInvalid($"Rules[0].Forwarding.{name}.Value", () => Create(rules: [rule]));
    }

    [Theory]
    [InlineData("5555550123")]
    [InlineData("+")]
    [InlineData("+1")]
    [InlineData("+05555550123")]
    [InlineData("+1 555 555 0123")]
    [InlineData("+1555555012a")]
    [InlineData("+1234567890123456")]
    public void Create_OffNetDestinationNotE164_ThrowsForValue(string number)
    {
        var rule = AnsweringRule.For("A") with { Forwarding = new CallForwarding { Always = Destination.ExternalNumber(number) } };

        AssertInvalid("Rules[0].Forwarding.Always.Value", () => Create(rules: [rule]));
    }

    [Theory]
    [InlineData("+15555550123")]
    [InlineData("+442079460958")]
    [InlineData("+123456789012345")]
    public void Create_OffNetDestinationE164_IsAccepted(string number)
    {
        var rule = AnsweringRule.For("A") with { Forwarding = new CallForwarding { Always = Destination.ExternalNumber(number) } };

        Assert.Equal(number, Create(rules: [rule]).Rules[0].Forwarding.Always?.Value);
    }

    [Fact]
    public void Create_DestinationLongerThan256_ThrowsForValue()
    {
        var rule = AnsweringRule.For("A") with { Forwarding = new CallForwarding { OnActive = Destination.Other(new string('x', 257)) } };

        AssertInvalid("Rules[0].Forwarding.OnActive.Value", () => Create(rules: [rule]));
    }

    [Fact]
    public void Create_DestinationOf256_IsAccepted()
    {
        var rule = AnsweringRule.For("A") with { Forwarding = new CallForwarding { OnActive = Destination.Other(new string('x', 256)) } };

        Assert.Single(Create(rules: [rule]).Rules);
    }

    [Fact]
    public void Create_DestinationOfUndefinedKind_ThrowsForKind()
    {
        var rule = AnsweringRule.For("A") with { Forwarding = new CallForwarding { WhenUnanswered = new Destination((DestinationKind)42, "207") } };

        AssertInvalid("Rules[0].Forwarding.WhenUnanswered.Kind", () => Create(rules: [rule]));
    }

    [Fact]
    public void Create_SimultaneousRingWithNothingToRing_ThrowsForSimultaneousRing()
    {
        var rule = AnsweringRule.For("A") with { SimultaneousRing = new SimultaneousRing { IncludeUserExtension = false } };

        AssertInvalid("Rules[0].SimultaneousRing", () => Create(rules: [rule]));
    }

    [Fact]
    public void Create_NullRingTarget_ThrowsForTheTarget()
    {
        var rule = Ringing(new RingTarget(Destination.Device("202wp")), null!);

        AssertInvalid("Rules[0].SimultaneousRing.Targets[1]", () => Create(rules: [rule]));
    }

    [Fact]
    public void Create_RingTargetWithoutDestination_ThrowsForItsDestination()
    {
        AssertInvalid("Rules[0].SimultaneousRing.Targets[0].Destination", () => Create(rules: [Ringing(new RingTarget(null!, Duration.Zero))]));
    }

    [Theory]
    [InlineData(DestinationKind.Voicemail)]
    [InlineData(DestinationKind.Conference)]
    public void Create_RingTargetVoicemailOrConference_ThrowsForItsDestination(DestinationKind kind)
    {
        AssertInvalid("Rules[0].SimultaneousRing.Targets[0].Destination", () => Create(rules: [Ringing(new RingTarget(new Destination(kind, "300")))]));
    }

    [Fact]
    public void Create_RingTargetNotE164_ThrowsForItsValue()
    {
        AssertInvalid("Rules[0].SimultaneousRing.Targets[0].Destination.Value", () => Create(rules: [Ringing(new RingTarget(Destination.ExternalNumber("(555) 555-0123")))]));
    }

    [Theory]
    [InlineData(-1_000)]
    [InlineData(11_000)]
    [InlineData(1_500)]
    [InlineData(10_001)]
    public void Create_RingDelayOutsideZeroToTenWholeSeconds_ThrowsForDelay(int milliseconds)
    {
        var rule = Ringing(new RingTarget(Destination.Device("202wp")), new RingTarget(Cell, Duration.FromMilliseconds(milliseconds)));

        AssertInvalid("Rules[0].SimultaneousRing.Targets[1].Delay", () => Create(rules: [rule]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void Create_RingDelayAtBound_IsAccepted(int seconds)
    {
        var rule = Ringing(new RingTarget(Cell, Duration.FromSeconds(seconds)));

        Assert.Equal(Duration.FromSeconds(seconds), Create(rules: [rule]).Rules[0].SimultaneousRing!.Targets[0].Delay);
    }

    [Fact]
    public void Create_DuplicateRingTargets_ThrowsForTheSecond()
    {
        var rule = Ringing(new RingTarget(Cell), new RingTarget(Destination.Device("202wp")), new RingTarget(Cell, Duration.FromSeconds(5)));

        AssertInvalid("Rules[0].SimultaneousRing.Targets[2].Destination", () => Create(rules: [rule]));
    }

    [Fact]
    public void Create_RingTargetsAllUserPhonesAndUserExtensionOff_IsAccepted()
    {
        var rule = AnsweringRule.For("A") with { SimultaneousRing = new SimultaneousRing { IncludeUserExtension = false, RingAllUserPhones = true } };

        Assert.Single(Create(rules: [rule]).Rules);
    }

    // Operations.

    [Fact]
    public void Add_NewRule_GoesOnTop()
    {
        var set = CreateSut();
        var rule = AnsweringRule.For("Staff meeting") with { Forwarding = new CallForwarding { Always = Destination.Conference("300") } };

        var added = set.Add(rule);

        Assert.Equal(new[] { "Staff meeting", "Out of Office", "Office hours", "Night shift" }, Names(added));
        Assert.Same(rule, added.Rules[0]);
        Assert.Equal(CreateSut(), set);
    }

    [Theory]
    [InlineData("Office hours")]
    [InlineData("OFFICE HOURS")]
    public void Add_TimeFrameThatHasARule_ThrowsAndLeavesSetUnchanged(string name)
    {
        var set = CreateSut();

        AssertInvalid("TimeFrame", () => set.Add(AnsweringRule.For(name)));
        Assert.Equal(CreateSut(), set);
    }

    [Fact]
    public void Add_RuleWithoutTimeFrame_ThrowsForItsPosition()
    {
        var set = CreateSut();

        AssertInvalid("Rules[0].TimeFrame", () => set.Add(AnsweringRule.Default));
        Assert.Equal(CreateSut(), set);
    }

    [Fact]
    public void Add_InvalidRule_ThrowsWithItsPathAtTheTopAndLeavesSetUnchanged()
    {
        var set = CreateSut();
        var rule = Ringing(new RingTarget(Destination.Device("202wp"), Duration.FromSeconds(11))) with { TimeFrame = "Staff meeting" };

        AssertInvalid("Rules[0].SimultaneousRing.Targets[0].Delay", () => set.Add(rule));
        Assert.Equal(CreateSut(), set);
    }

    [Fact]
    public void Add_HundredAndFirstRule_ThrowsForRules()
    {
        var set = Create(rules: Enumerable.Range(0, AnsweringRuleSet.MaxRules).Select(i => AnsweringRule.For($"Frame {i}")));

        AssertInvalid("Rules", () => set.Add(AnsweringRule.For("One too many")));
    }

    [Fact]
    public void Replace_ExistingRule_ReplacesInPlace()
    {
        var set = CreateSut();
        var edited = AnsweringRule.For("office hours") with { DoNotDisturb = true };

        var replaced = set.Replace(edited);

        Assert.Equal(edited, replaced.Rules[1]);
        Assert.Equal(set.Rules[0], replaced.Rules[0]);
        Assert.Equal(set.Rules[2], replaced.Rules[2]);
        Assert.Equal(CreateSut(), set);
    }

    [Fact]
    public void Replace_RuleWithoutTimeFrame_ReplacesDefault()
    {
        var set = CreateSut();
        var edited = AnsweringRule.Default with { CallScreening = true };

        var replaced = set.Replace(edited);

        Assert.Equal(edited, replaced.Default);
        Assert.Equal(set.Rules.AsEnumerable(), replaced.Rules.AsEnumerable());
    }

    [Fact]
    public void Replace_UnknownRule_ThrowsForTimeFrame()
    {
        var set = CreateSut();

        AssertInvalid("TimeFrame", () => set.Replace(AnsweringRule.For("Staff meeting")));
        Assert.Equal(CreateSut(), set);
    }

    [Fact]
    public void Replace_InvalidEdit_ThrowsWithItsPathAndLeavesSetUnchanged()
    {
        var set = CreateSut();
        var edited = set.Rules[2] with { Forwarding = new CallForwarding { WhenBusy = Tim } };

        AssertInvalid("Rules[2].Forwarding.WhenBusy", () => set.Replace(edited));
        Assert.Equal(CreateSut(), set);
    }

    [Fact]
    public void Remove_ExistingRule_RemovesIt()
    {
        var set = CreateSut();

        var removed = set.Remove("OFFICE hours");

        Assert.Equal(new[] { "Out of Office", "Night shift" }, Names(removed));
        Assert.Equal(CreateSut(), set);
    }

    [Fact]
    public void Remove_Default_ThrowsForTimeFrameAndLeavesSetUnchanged()
    {
        var set = CreateSut();

        AssertInvalid("TimeFrame", () => set.Remove("Default"));
        Assert.Equal(CreateSut(), set);
    }

    [Fact]
    public void Remove_UnknownRule_ThrowsForTimeFrame()
    {
        var set = CreateSut();

        AssertInvalid("TimeFrame", () => set.Remove("Staff meeting"));
        Assert.Equal(CreateSut(), set);
    }

    [Theory]
    [InlineData("Default")]
    [InlineData("default")]
    [InlineData("Staff meeting")]
    public void Move_DefaultOrUnknownRule_ThrowsForTimeFrameAndLeavesSetUnchanged(string name)
    {
        var set = CreateSut();

        AssertInvalid("TimeFrame", () => set.MoveUp(name));
        AssertInvalid("TimeFrame", () => set.MoveDown(name));
        AssertInvalid("TimeFrame", () => set.MoveToTop(name));
        Assert.Equal(CreateSut(), set);
    }

    [Fact]
    public void MoveUp_MiddleRule_SwapsWithTheOneAbove()
    {
        var moved = CreateSut().MoveUp("Office hours");

        Assert.Equal(new[] { "Office hours", "Out of Office", "Night shift" }, Names(moved));
    }

    [Fact]
    public void MoveUp_TopRule_NoChange()
    {
        var set = CreateSut();

        Assert.Equal(CreateSut(), set.MoveUp("Out of Office"));
    }

    [Fact]
    public void MoveDown_MiddleRule_SwapsWithTheOneBelow()
    {
        var moved = CreateSut().MoveDown("Office hours");

        Assert.Equal(new[] { "Out of Office", "Night shift", "Office hours" }, Names(moved));
    }

    [Fact]
    public void MoveDown_BottomRule_NoChangeDefaultStaysLast()
    {
        var set = CreateSut();

        var moved = set.MoveDown("Night shift");

        Assert.Equal(CreateSut(), moved);
        Assert.Equal(set.Default, moved.Default);
    }

    [Fact]
    public void MoveToTop_BottomRule_GoesOnTopOthersKeepOrder()
    {
        var set = CreateSut();

        var moved = set.MoveToTop("night SHIFT");

        Assert.Equal(new[] { "Night shift", "Out of Office", "Office hours" }, Names(moved));
        Assert.Equal(CreateSut(), set);
    }

    [Fact]
    public void MoveToTop_TopRule_NoChange()
    {
        Assert.Equal(CreateSut(), CreateSut().MoveToTop("Out of Office"));
    }

    [Fact]
    public void SetEnabled_Rule_ChangesOnlyThatRule()
    {
        var set = CreateSut();

        var disabled = set.SetEnabled("Office hours", false);

        Assert.False(disabled.Rules[1].Enabled);
        Assert.Equal(set.Rules[1] with { Enabled = false }, disabled.Rules[1]);
        Assert.Equal(set.Rules[0], disabled.Rules[0]);
        Assert.Equal(set.Rules[2], disabled.Rules[2]);
        Assert.Equal(set, disabled.SetEnabled("Office hours", true));
        Assert.Equal(CreateSut(), set);
    }

    [Fact]
    public void SetEnabled_UnknownRule_ThrowsForTimeFrame()
    {
        var set = CreateSut();

        AssertInvalid("TimeFrame", () => set.SetEnabled("Staff meeting", false));
        Assert.Equal(CreateSut(), set);
    }

    [Fact]
    public void WithRingTimeout_Valid_ChangesOnlyIt()
    {
        var set = CreateSut();

        var changed = set.WithRingTimeout(Duration.FromSeconds(60));

        Assert.Equal(Duration.FromSeconds(60), changed.RingTimeout);
        Assert.Equal(CreateSut(), changed.WithRingTimeout(Duration.FromSeconds(30)));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(301)]
    public void WithRingTimeout_OutOfRange_ThrowsForRingTimeoutAndLeavesSetUnchanged(int seconds)
    {
        var set = CreateSut();

        AssertInvalid("RingTimeout", () => set.WithRingTimeout(Duration.FromSeconds(seconds)));
        Assert.Equal(CreateSut(), set);
    }

    [Fact]
    public void WithLists_BlockAnonymous_Voicemail_ChangeOnlyTheirPart()
    {
        var set = CreateSut();

        var changed = set.WithLists(Block, Allow).WithBlockAnonymous(false).WithVoicemail(false);

        Assert.Same(Block, changed.AllowList);
        Assert.Same(Allow, changed.BlockList);
        Assert.False(changed.BlockAnonymous);
        Assert.False(changed.VoicemailEnabled);
        Assert.Equal(set.Rules.AsEnumerable(), changed.Rules.AsEnumerable());
        Assert.Equal(set.Default, changed.Default);
        Assert.Equal(set.RingTimeout, changed.RingTimeout);
        Assert.Equal(CreateSut(), set);
    }

    [Fact]
    public void Find_ExistingRuleAnyCase_ReturnsIt()
    {
        var set = CreateSut();

        Assert.Same(set.Rules[1], set.Find("OFFICE HOURS"));
        Assert.Null(set.Find("Staff meeting"));
    }

    [Fact]
    public void Find_Default_ReturnsTheDefaultRule()
    {
        // The XML documentation of Find: "Returns the rule for timeFrame, or the Default rule for "Default"."
        var set = CreateSut();

        Assert.Same(set.Default, set.Find("Default"));
    }

    public static TheoryData<string> ForwardNames() => ["Always", "OnActive", "WhenBusy", "WhenUnanswered", "WhenOffline", "OnDoNotDisturb"];

    /// <summary>User 202 with three rules, a 30-second ring timeout, both lists, anonymous callers blocked, voicemail on.</summary>
    private static AnsweringRuleSet CreateSut() =>
        Create(
            rules:
            [
                AnsweringRule.For("Out of Office") with { Forwarding = new CallForwarding { Always = Tim } },
                AnsweringRule.For("Office hours") with { CallScreening = true, Forwarding = new CallForwarding { WhenBusy = Destination.Voicemail("202") } },
                Ringing(new RingTarget(Cell, Duration.FromSeconds(5))) with { TimeFrame = "Night shift", Forwarding = new CallForwarding { WhenOffline = Cell } },
            ],
            ringTimeout: Duration.FromSeconds(30));

    private static AnsweringRuleSet Create(string userId = "202", IEnumerable<AnsweringRule>? rules = null, AnsweringRule? defaultRule = null, Duration? ringTimeout = null) =>
        AnsweringRuleSet.Create(userId, rules ?? [], defaultRule ?? AnsweringRule.Default, ringTimeout ?? AnsweringRuleSet.DefaultRingTimeout, Allow, Block, blockAnonymous: true, voicemailEnabled: true);

    private static string[] Names(AnsweringRuleSet set) => [.. set.Rules.Select(r => r.TimeFrame ?? "(none)")];

    private static AnsweringRule Ringing(params RingTarget[] targets) =>
        AnsweringRule.For("A") with { SimultaneousRing = new SimultaneousRing { Targets = [.. targets] } };

    private static CallForwarding Forward(string name, Destination destination) => name switch
    {
        "Always" => new CallForwarding { Always = destination },
        "OnActive" => new CallForwarding { OnActive = destination },
        "WhenBusy" => new CallForwarding { WhenBusy = destination },
        "WhenUnanswered" => new CallForwarding { WhenUnanswered = destination },
        "WhenOffline" => new CallForwarding { WhenOffline = destination },
        "OnDoNotDisturb" => new CallForwarding { OnDoNotDisturb = destination },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static void AssertInvalid(string field, Func<object> action)
    {
        var e = Assert.Throws<RoutingValidationException>(action);
        Assert.Equal(field, e.Field);
        Assert.False(string.IsNullOrWhiteSpace(e.Reason));
        Assert.StartsWith(field + ": ", e.Message, StringComparison.Ordinal);
    }
}
