using System.Collections.Immutable;
using System.Text;
using NodaTime;

namespace K7.Routing;

/// <summary>What to do with one call: reject it, send it to voicemail, disconnect it, forward it, or ring targets.</summary>
/// <remarks>
/// <para>Immutable and shared: compiled rules hand out the same instance for every call that takes the same path, so
/// routing allocates nothing. Value equality compares every field.</para>
/// <para>For <see cref="RouteOutcome.Ring"/>, the fallbacks say what follows when ringing does not end in an answer:
/// <see cref="WhenUnanswered"/> after <see cref="RingTimeout"/> (or when every target failed), <see cref="WhenBusy"/>
/// when the user's line is busy, <see cref="WhenOffline"/> when no device could be reached. A <see langword="null"/>
/// fallback means "disconnect".</para>
/// </remarks>
public sealed class RouteDecision : IEquatable<RouteDecision>
{
    internal RouteDecision(
        RouteOutcome outcome,
        RouteReason reason,
        string ruleName,
        Destination? destination = null,
        ImmutableArray<RingLeg> targets = default,
        Duration ringTimeout = default,
        bool screening = false,
        Destination? whenUnanswered = null,
        Destination? whenBusy = null,
        Destination? whenOffline = null)
    {
        Outcome = outcome;
        Reason = reason;
        RuleName = ruleName;
        Destination = destination;
        Targets = targets.IsDefault ? [] : targets;
        RingTimeout = ringTimeout;
        Screening = screening;
        WhenUnanswered = whenUnanswered;
        WhenBusy = whenBusy;
        WhenOffline = whenOffline;
    }

    /// <summary>Gets what happens to the call.</summary>
    public RouteOutcome Outcome { get; }

    /// <summary>Gets the row of the precedence table that decided it.</summary>
    public RouteReason Reason { get; }

    /// <summary>Gets the name of the rule that applied ("Default", or its time frame's name); empty when the call was rejected before any rule.</summary>
    public string RuleName { get; }

    /// <summary>Gets where the call goes for <see cref="RouteOutcome.Forward"/> and <see cref="RouteOutcome.Voicemail"/>.</summary>
    public Destination? Destination { get; }

    /// <summary>Gets what rings, for <see cref="RouteOutcome.Ring"/>, in the order given by the rule.</summary>
    public ImmutableArray<RingLeg> Targets { get; }

    /// <summary>Gets how long the targets ring before <see cref="WhenUnanswered"/>.</summary>
    public Duration RingTimeout { get; }

    /// <summary>Gets a value indicating whether the caller records their name before the targets ring (call screening).</summary>
    public bool Screening { get; }

    /// <summary>Gets where the call goes when nobody answers; <see langword="null"/> means disconnect.</summary>
    public Destination? WhenUnanswered { get; }

    /// <summary>Gets where the call goes when the user's line is busy; <see langword="null"/> means disconnect.</summary>
    public Destination? WhenBusy { get; }

    /// <summary>Gets where the call goes when none of the user's devices can be reached; <see langword="null"/> means disconnect.</summary>
    public Destination? WhenOffline { get; }

    /// <inheritdoc/>
    public bool Equals(RouteDecision? other) =>
        other is not null && Outcome == other.Outcome && Reason == other.Reason && RuleName == other.RuleName
        && Destination == other.Destination && Targets.AsSpan().SequenceEqual(other.Targets.AsSpan())
        && RingTimeout == other.RingTimeout && Screening == other.Screening && WhenUnanswered == other.WhenUnanswered
        && WhenBusy == other.WhenBusy && WhenOffline == other.WhenOffline;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as RouteDecision);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Outcome, Reason, RuleName, Destination, Targets.Length, RingTimeout, Screening, WhenUnanswered);

    /// <summary>Returns the decision in one line, for logs.</summary>
    /// <returns>For example "Ring 202wp, 202 for 25 s, then Voicemail - 202 (rule Default, Ring)".</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        switch (Outcome)
        {
            case RouteOutcome.Reject:
                text.Append("Reject (").Append(Reason == RouteReason.BlockList ? "blocked number" : "anonymous or unknown caller").Append(')');
                return text.ToString();
            case RouteOutcome.Disconnect:
                text.Append("Disconnect");
                break;
            case RouteOutcome.Voicemail:
            case RouteOutcome.Forward:
                text.Append(Outcome == RouteOutcome.Voicemail ? string.Empty : "Forward to ").Append(Destination);
                break;
            default:
                text.Append(Screening ? "Screen, then ring " : "Ring ");
                text.AppendJoin(", ", Targets.Select(t => t.Delay == Duration.Zero ? t.Destination.ToString() : $"{t.Destination} after {t.Delay.TotalSeconds:0} s"));
                text.Append(" for ").Append(RingTimeout.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture)).Append(" s, then ");
                text.Append(WhenUnanswered?.ToString() ?? "disconnect");
                break;
        }

        return text.Append(" (rule ").Append(RuleName).Append(", ").Append(Reason).Append(')').ToString();
    }
}
