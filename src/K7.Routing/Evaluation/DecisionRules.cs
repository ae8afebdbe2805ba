using System.Collections.Immutable;

namespace K7.Routing;

/// <summary>
/// Rows 4–8 of the precedence table: what the applying rule does with a call that was not rejected. A pure function of
/// the rule, the user's settings and three facts about the call, so compiled rules can compute every outcome up front.
/// </summary>
internal static class DecisionRules
{
    public static RouteDecision Decide(AnsweringRuleSet set, AnsweringRule rule, bool allowListed, bool offline, bool onActive)
    {
        var name = rule.TimeFrame ?? "Default";
        var forwarding = rule.Forwarding;
        var voicemail = set.VoicemailEnabled ? Destination.Voicemail(set.UserId) : null;

        // Row 4: do not disturb, which allow-listed callers bypass.
        if (rule.DoNotDisturb && !allowListed)
        {
            return (forwarding.OnDoNotDisturb ?? voicemail) is { } destination
                ? Send(destination, RouteReason.DoNotDisturb, name)
                : new RouteDecision(RouteOutcome.Disconnect, RouteReason.DoNotDisturb, name);
        }

        // Row 5: forward always.
        if (forwarding.Always is { } always)
        {
            return Send(always, RouteReason.ForwardAlways, name);
        }

        // Row 6: offline, when the rule forwards offline calls.
        if (offline && forwarding.WhenOffline is { } whenOffline)
        {
            return Send(whenOffline, RouteReason.Offline, name);
        }

        // Row 7: on active, when the rule forwards calls that arrive during a call.
        if (onActive && forwarding.OnActive is { } onActiveDestination)
        {
            return Send(onActiveDestination, RouteReason.OnActive, name);
        }

        // Row 8: ring.
        var unanswered = forwarding.WhenUnanswered ?? voicemail;
        return new RouteDecision(
            RouteOutcome.Ring,
            RouteReason.Ring,
            name,
            targets: Targets(set.UserId, rule),
            ringTimeout: set.RingTimeout,
            screening: rule.CallScreening && !allowListed,
            whenUnanswered: unanswered,
            whenBusy: rule.SimultaneousRing is null ? forwarding.WhenBusy ?? unanswered : unanswered,
            whenOffline: forwarding.WhenOffline ?? unanswered);
    }

    public static RouteDecision Blocked { get; } = new(RouteOutcome.Reject, RouteReason.BlockList, string.Empty);

    public static RouteDecision Anonymous { get; } = new(RouteOutcome.Reject, RouteReason.AnonymousCaller, string.Empty);

    /// <summary>Sends the call to <paramref name="destination"/>: a voicemail box is <see cref="RouteOutcome.Voicemail"/>, anything else a forward.</summary>
    private static RouteDecision Send(Destination destination, RouteReason reason, string ruleName) =>
        new(destination.Kind == DestinationKind.Voicemail ? RouteOutcome.Voicemail : RouteOutcome.Forward, reason, ruleName, destination);

    private static ImmutableArray<RingLeg> Targets(string userId, AnsweringRule rule)
    {
        if (rule.SimultaneousRing is not { } ring)
        {
            return [new RingLeg(Destination.Device(userId), NodaTime.Duration.Zero, false)];
        }

        var legs = ImmutableArray.CreateBuilder<RingLeg>();
        foreach (var target in ring.Targets)
        {
            legs.Add(new RingLeg(target.Destination, target.Delay, ring.AnswerConfirmationForOffNet && target.Destination.IsOffNet));
        }

        if (ring.RingAllUserPhones)
        {
            legs.Add(new RingLeg(Destination.UserDevices(userId), NodaTime.Duration.Zero, false));
        }
        else if (ring.IncludeUserExtension)
        {
            legs.Add(new RingLeg(Destination.Device(userId), NodaTime.Duration.Zero, false));
        }

        return legs.ToImmutable();
    }
}
