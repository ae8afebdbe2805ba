using NodaTime;

namespace K7.Routing.Tests.Rules;

/// <summary>The descriptions of the examples table of docs/routing.md, from rules built here.</summary>
public sealed class AnsweringRuleDescriptionsTests
{
    private static readonly Destination Cell = Destination.ExternalNumber("+15555550123");

    [Fact]
    public void Describe_DefaultRuleRingingDeskPhoneToo_SimultaneousRing()
    {
        var rule = AnsweringRule.Default with { SimultaneousRing = new SimultaneousRing { Targets = [new RingTarget(Destination.Device("202wp"))] } };

        Assert.Equal("Simultaneously ring 202wp, 202", Describe(rule));
    }

    [Fact]
    public void Describe_OutOfOffice_SimultaneousRingAndUnansweredToNamedUser()
    {
        var rule = AnsweringRule.For("Out of Office") with
        {
            SimultaneousRing = new SimultaneousRing { Targets = [new RingTarget(Destination.Device("202wp"))] },
            Forwarding = new CallForwarding { WhenUnanswered = Destination.User("207") },
        };

        Assert.Equal("Simultaneously ring 202wp, 202 · Forward when unanswered to User - 207 (Tim Garcia)", Describe(rule));
    }

    [Fact]
    public void Describe_DoNotDisturb_OnlyThat()
    {
        Assert.Equal("Do not disturb", Describe(AnsweringRule.For("Early Release") with { DoNotDisturb = true }));
    }

    [Fact]
    public void Describe_ScreenedJustRingWithBusyAndUnanswered_AllParts()
    {
        var rule = AnsweringRule.For("Office hours") with
        {
            CallScreening = true,
            Forwarding = new CallForwarding { WhenBusy = Destination.Voicemail("202"), WhenUnanswered = Cell },
        };

        Assert.Equal("Screen calls · Ring 202 · Forward when busy to Voicemail - 202 · Forward when unanswered to +15555550123", Describe(rule));
    }

    [Fact]
    public void Describe_ForwardAlwaysAndOnActive_NoRingPart()
    {
        var rule = AnsweringRule.For("Staff meeting") with
        {
            Forwarding = new CallForwarding { Always = Destination.Conference("300"), OnActive = Destination.User("203") },
        };

        Assert.Equal("Forward always to Conference - 300 · Forward on active to User - 203 (Gary Smith)", Describe(rule));
    }

    [Fact]
    public void Describe_AllPhonesDelayedOffNetWithConfirmationAndOffline_AllParts()
    {
        var rule = AnsweringRule.For("Night shift") with
        {
            SimultaneousRing = new SimultaneousRing
            {
                RingAllUserPhones = true,
                AnswerConfirmationForOffNet = true,
                Targets = [new RingTarget(Cell, Duration.FromSeconds(5))],
            },
            Forwarding = new CallForwarding { WhenOffline = Cell },
        };

        Assert.Equal("Simultaneously ring +15555550123 (after 5 s), all phones of 202 (confirm off-net answers) · Forward when offline to +15555550123", Describe(rule));
    }

    [Fact]
    public void Describe_AllPhonesWithTheUsersPhones_NamesThemAsTheGuideDoes()
    {
        var rule = AnsweringRule.For("Out of Office") with
        {
            SimultaneousRing = new SimultaneousRing { RingAllUserPhones = true },
            Forwarding = new CallForwarding { WhenUnanswered = Destination.User("207") },
        };

        Assert.Equal("Simultaneously ring 202wp, 202 · Forward when unanswered to User - 207 (Tim Garcia)", rule.Describe("202", UserName, ["202wp", "202"]));
        Assert.Equal("Simultaneously ring all phones of 202 · Forward when unanswered to User - 207 (Tim Garcia)", rule.Describe("202", UserName, []));
    }

    [Fact]
    public void Describe_PortalDefaultRule_RingsTheExtension()
    {
        Assert.Equal("Ring 202", Describe(AnsweringRule.Default));
    }

    [Fact]
    public void Describe_UserWithoutKnownName_NoParentheses()
    {
        var rule = AnsweringRule.Default with { Forwarding = new CallForwarding { WhenUnanswered = Destination.User("299") } };

        Assert.Equal("Ring 202 · Forward when unanswered to User - 299", Describe(rule));
        Assert.Equal("Ring 202 · Forward when unanswered to User - 299", rule.Describe("202"));
    }

    [Fact]
    public void Describe_NoNameLookup_UsersByIdOnly()
    {
        var rule = AnsweringRule.Default with { Forwarding = new CallForwarding { OnActive = Destination.User("207") } };

        Assert.Equal("Ring 202 · Forward on active to User - 207", rule.Describe("202"));
    }

    [Fact]
    public void Describe_DisabledRuleWithDndDestination_SaysDisabledFirst()
    {
        var rule = AnsweringRule.For("Lunch") with
        {
            Enabled = false,
            DoNotDisturb = true,
            Forwarding = new CallForwarding { OnDoNotDisturb = Destination.Voicemail("207") },
        };

        Assert.Equal("Disabled · Do not disturb · Forward on do not disturb to Voicemail - 207", Describe(rule));
    }

    [Fact]
    public void Describe_AnswerConfirmationWithoutOffNetTarget_NoConfirmationNote()
    {
        var rule = AnsweringRule.Default with
        {
            SimultaneousRing = new SimultaneousRing { AnswerConfirmationForOffNet = true, IncludeUserExtension = false, Targets = [new RingTarget(Destination.User("207"), Duration.FromSeconds(2))] },
        };

        Assert.Equal("Simultaneously ring User - 207 (Tim Garcia) (after 2 s)", Describe(rule));
    }

    [Fact]
    public void Describe_EveryForward_InThePortalsOrder()
    {
        var rule = AnsweringRule.Default with
        {
            Forwarding = new CallForwarding
            {
                OnDoNotDisturb = Destination.Voicemail("202"),
                WhenOffline = Cell,
                WhenUnanswered = Destination.Other("aa-100"),
                WhenBusy = Destination.Device("202wp"),
                OnActive = Destination.User("201"),
            },
        };

        Assert.Equal(
            "Ring 202 · Forward on active to User - 201 (Suzanne May) · Forward when busy to 202wp · Forward when unanswered to aa-100 · Forward when offline to +15555550123 · Forward on do not disturb to Voicemail - 202",
            Describe(rule));
    }

    [Fact]
    public void Describe_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ((AnsweringRule)null!).Describe("202"));
        Assert.ThrowsAny<ArgumentException>(() => AnsweringRule.Default.Describe(" "));
    }

    private static string Describe(AnsweringRule rule) => rule.Describe("202", UserName);

    private static string? UserName(string userId) => userId switch
    {
        "201" => "Suzanne May",
        "202" => "Ellen Green",
        "203" => "Gary Smith",
        "207" => "Tim Garcia",
        _ => null,
    };
}
