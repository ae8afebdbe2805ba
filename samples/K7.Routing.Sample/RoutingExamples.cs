using NodaTime;

namespace K7.Routing.Sample;

/// <summary>One answering rule for each case of the portal guide's chapter 6. docs/routing.md quotes these.</summary>
public static class RoutingExamples
{
    /// <summary>Display names of the demo users, for descriptions such as "User - 207 (Tim Garcia)".</summary>
    public static string? UserName(string userId) => userId switch
    {
        "201" => "Suzanne May",
        "202" => "Ellen Green",
        "203" => "Gary Smith",
        "207" => "Tim Garcia",
        _ => null,
    };

    // 6 — the Default rule of user 202: "Simultaneously ring 202wp, 202".
    public static AnsweringRule Default() => AnsweringRule.Default with
    {
        SimultaneousRing = new SimultaneousRing { Targets = [new RingTarget(Destination.Device("202wp"))] },
    };

    // 6 — "Out of Office": "Simultaneously ring 202wp, 202 · Forward when unanswered to User - 207 (Tim Garcia)".
    public static AnsweringRule OutOfOffice() => AnsweringRule.For("Out of Office") with
    {
        SimultaneousRing = new SimultaneousRing { Targets = [new RingTarget(Destination.Device("202wp"))] },
        Forwarding = new CallForwarding { WhenUnanswered = Destination.User("207") },
    };

    // 6.2 — Do not disturb during "Early Release": calls go to voicemail (or disconnect without voicemail).
    public static AnsweringRule EarlyReleaseDoNotDisturb() => AnsweringRule.For("Early Release") with { DoNotDisturb = true };

    // 6.2 — Call screening with just ring user's extension, busy calls to voicemail, unanswered to a cell phone.
    public static AnsweringRule OfficeHoursScreened() => AnsweringRule.For("Office hours") with
    {
        CallScreening = true,
        Forwarding = new CallForwarding
        {
            WhenBusy = Destination.Voicemail("202"),
            WhenUnanswered = Destination.ExternalNumber("+15555550123"),
        },
    };

    // 6.2 — Forward always to a conference during the "Staff meeting" frame; forward on active to user 203.
    public static AnsweringRule StaffMeeting() => AnsweringRule.For("Staff meeting") with
    {
        Forwarding = new CallForwarding { Always = Destination.Conference("300"), OnActive = Destination.User("203") },
    };

    // 6.2 — Simultaneous ring: all the user's phones, a cell phone after 5 s with answer confirmation; offline calls
    // forwarded to the cell phone.
    public static AnsweringRule NightShift() => AnsweringRule.For("Night shift") with
    {
        SimultaneousRing = new SimultaneousRing
        {
            RingAllUserPhones = true,
            AnswerConfirmationForOffNet = true,
            Targets = [new RingTarget(Destination.ExternalNumber("+15555550123"), Duration.FromSeconds(5))],
        },
        Forwarding = new CallForwarding { WhenOffline = Destination.ExternalNumber("+15555550123") },
    };

    // 6.1 — Allow and block lists, "block anonymous or unknown", a 30-second ring timeout.
    public static AnsweringRuleSet Ellen(PhoneNumberCanonicalizer numbers)
    {
        var allow = NumberList.Create([new NumberListEntry(numbers.Parse("555-123-0000"), "Front desk")]);
        var block = NumberList.Create([new NumberListEntry(numbers.Parse("5551231111"), "Spam")]);
        return AnsweringRuleSet.CreateDefault("202")
            .Replace(Default())
            .Add(NightShift())
            .Add(StaffMeeting())
            .Add(OfficeHoursScreened())
            .Add(EarlyReleaseDoNotDisturb())
            .Add(OutOfOffice())
            .WithRingTimeout(Duration.FromSeconds(30))
            .WithLists(allow, block)
            .WithBlockAnonymous(true);
    }
}
