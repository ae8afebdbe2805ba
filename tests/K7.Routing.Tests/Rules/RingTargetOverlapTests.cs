using NodaTime;

namespace K7.Routing.Tests.Rules;

public sealed class RingTargetOverlapTests
{
    [Fact]
    public void Replace_UserExtensionAsExtraTargetWhileIncluded_ThrowsForTheTarget()
    {
        var rule = AnsweringRule.Default with
        {
            SimultaneousRing = new SimultaneousRing { IncludeUserExtension = true, Targets = [new RingTarget(Destination.Device("202"))] },
        };

        var error = Assert.Throws<RoutingValidationException>(() => AnsweringRuleSet.CreateDefault("202").Replace(rule));

        Assert.Equal("Default.SimultaneousRing.Targets[0].Destination", error.Field);
    }

    [Theory]
    [InlineData(DestinationKind.Device)]
    [InlineData(DestinationKind.UserDevices)]
    public void Replace_OwnPhonesAsExtraTargetWhileRingingAll_ThrowsForTheTarget(DestinationKind kind)
    {
        var rule = AnsweringRule.Default with
        {
            SimultaneousRing = new SimultaneousRing { RingAllUserPhones = true, Targets = [new RingTarget(new Destination(kind, "202"), Duration.FromSeconds(3))] },
        };

        var error = Assert.Throws<RoutingValidationException>(() => AnsweringRuleSet.CreateDefault("202").Replace(rule));

        Assert.Equal("Default.SimultaneousRing.Targets[0].Destination", error.Field);
    }

    [Fact]
    public void Replace_AnotherUsersExtensionAsExtraTarget_IsAccepted()
    {
        var rule = AnsweringRule.Default with
        {
            SimultaneousRing = new SimultaneousRing { RingAllUserPhones = true, Targets = [new RingTarget(Destination.Device("203"))] },
        };

        var set = AnsweringRuleSet.CreateDefault("202").Replace(rule);

        Assert.Equal(rule, set.Default);
    }

    [Fact]
    public void WithLists_Null_Throws()
    {
        var set = AnsweringRuleSet.CreateDefault("202");

        Assert.Throws<ArgumentNullException>(() => set.WithLists(null!, NumberList.Empty));
        Assert.Throws<ArgumentNullException>(() => set.WithLists(NumberList.Empty, null!));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Route_ForwardToAVoicemailBox_IsAVoicemailOutcomeWhateverTheRow(bool doNotDisturb)
    {
        var rule = AnsweringRule.Default with
        {
            DoNotDisturb = doNotDisturb,
            Forwarding = doNotDisturb
                ? new CallForwarding { OnDoNotDisturb = Destination.Voicemail("207") }
                : new CallForwarding { Always = Destination.Voicemail("207") },
        };
        var set = AnsweringRuleSet.CreateDefault("202").Replace(rule);
        var compiled = CompiledAnsweringRules.Compile(set, _ => null, new PhoneNumberCanonicalizer("US"));

        var decision = compiled.Route(new IncomingCall("+15559876543", "Gary Smith"), new UserState(0, 1), Instant.FromUtc(2025, 7, 4, 12, 0));

        Assert.Equal(RouteOutcome.Voicemail, decision.Outcome);
        Assert.Equal(Destination.Voicemail("207"), decision.Destination);
        Assert.Equal(doNotDisturb ? RouteReason.DoNotDisturb : RouteReason.ForwardAlways, decision.Reason);
    }
}
