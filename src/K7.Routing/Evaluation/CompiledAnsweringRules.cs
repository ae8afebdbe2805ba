using K7.TimeFrames;
using NodaTime;

namespace K7.Routing;

/// <summary>
/// A user's answering rules compiled for the call path: <see cref="Route"/> allocates nothing and runs in nanoseconds.
/// </summary>
/// <remarks>
/// <para>Compiling resolves each rule's time frame once and computes every decision a rule can produce (there are
/// eight per rule: allow-listed or not, offline or not, on a call or not), so routing a call is a list lookup, a few
/// time-frame checks and an array index. <see cref="Explain"/> does the same work and records why.</para>
/// <para>Immutable and thread-safe. A rule whose time frame does not exist (it was deleted) never applies; compiling
/// with <c>strict: true</c> refuses such rules instead.</para>
/// </remarks>
public sealed class CompiledAnsweringRules
{
    private const int AllowBit = 4;
    private const int OfflineBit = 2;
    private const int OnActiveBit = 1;

    private readonly CompiledTimeFrame?[] _frames;
    private readonly CompiledTimeFrame?[] _enabledFrames;
    private readonly RouteDecision[][] _decisions;
    private readonly PhoneNumberCanonicalizer _numbers;

    private CompiledAnsweringRules(AnsweringRuleSet rules, CompiledTimeFrame?[] frames, PhoneNumberCanonicalizer numbers)
    {
        Rules = rules;
        _frames = frames;
        _numbers = numbers;
        _enabledFrames = [.. frames.Select((frame, i) => rules.Rules[i].Enabled ? frame : null)];
        _decisions = new RouteDecision[rules.Rules.Length + 1][];
        for (var i = 0; i <= rules.Rules.Length; i++)
        {
            var rule = i < rules.Rules.Length ? rules.Rules[i] : rules.Default;
            var table = new RouteDecision[8];
            for (var bits = 0; bits < 8; bits++)
            {
                table[bits] = DecisionRules.Decide(rules, rule, (bits & AllowBit) != 0, (bits & OfflineBit) != 0, (bits & OnActiveBit) != 0);
            }

            _decisions[i] = table;
        }
    }

    /// <summary>Gets the rules this was compiled from.</summary>
    public AnsweringRuleSet Rules { get; }

    /// <summary>Compiles <paramref name="rules"/>.</summary>
    /// <param name="rules">The user's rules.</param>
    /// <param name="timeFrames">Finds a compiled time frame by name, as the user sees it (for example <see cref="TimeFrameCatalog.Find"/>).</param>
    /// <param name="numbers">Canonicalizes callers' numbers.</param>
    /// <param name="strict">When <see langword="true"/>, a rule whose time frame is not found is an error.</param>
    /// <returns>The compiled rules.</returns>
    /// <exception cref="RoutingValidationException"><paramref name="strict"/> and a time frame is not found.</exception>
    public static CompiledAnsweringRules Compile(AnsweringRuleSet rules, Func<string, CompiledTimeFrame?> timeFrames, PhoneNumberCanonicalizer numbers, bool strict = false)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(timeFrames);
        ArgumentNullException.ThrowIfNull(numbers);
        var frames = new CompiledTimeFrame?[rules.Rules.Length];
        for (var i = 0; i < frames.Length; i++)
        {
            frames[i] = timeFrames(rules.Rules[i].TimeFrame!);
            if (frames[i] is null && strict)
            {
                RuleSetValidator.Fail($"Rules[{i}].TimeFrame", $"{rules.UserId} has no time frame named '{rules.Rules[i].TimeFrame}'.");
            }
        }

        return new CompiledAnsweringRules(rules, frames, numbers);
    }

    /// <summary>Decides what happens to a call. Allocates nothing.</summary>
    /// <param name="call">The caller.</param>
    /// <param name="state">The user's live state.</param>
    /// <param name="now">The instant the call arrives.</param>
    /// <returns>The decision (a shared, immutable instance).</returns>
    public RouteDecision Route(in IncomingCall call, in UserState state, Instant now)
    {
        var allowed = false;
        if (call.CallerNumber is { Length: > 0 } number && _numbers.TryCanonicalize(number, out var caller))
        {
            if (Rules.BlockList.Contains(caller))
            {
                return DecisionRules.Blocked;
            }

            allowed = Rules.AllowList.Contains(caller);
        }

        if (Rules.BlockAnonymous && !allowed && call.IsAnonymous)
        {
            return DecisionRules.Anonymous;
        }

        var bits = (allowed ? AllowBit : 0) | (state.IsOffline ? OfflineBit : 0) | (state.IsOnActiveCall ? OnActiveBit : 0);
        return _decisions[ActiveRuleIndex(now)][bits];
    }

    /// <summary>Returns the rule that applies at <paramref name="now"/>: the first enabled rule whose time frame is active, else Default.</summary>
    /// <param name="now">The instant.</param>
    /// <returns>The rule.</returns>
    public AnsweringRule GetActiveRule(Instant now)
    {
        var index = ActiveRuleIndex(now);
        return index < Rules.Rules.Length ? Rules.Rules[index] : Rules.Default;
    }

    /// <summary>Returns the rules whose time frame is active at <paramref name="now"/> (enabled or not), then Default: the
    /// home page's dropdown of matching rules.</summary>
    /// <param name="now">The instant.</param>
    /// <returns>The matching rules, in priority order, Default last.</returns>
    public IReadOnlyList<AnsweringRule> GetMatchingRules(Instant now)
    {
        var matching = new List<AnsweringRule>();
        for (var i = 0; i < _frames.Length; i++)
        {
            if (_frames[i]?.IsActive(now) == true)
            {
                matching.Add(Rules.Rules[i]);
            }
        }

        matching.Add(Rules.Default);
        return matching;
    }

    /// <summary>Decides what happens to a call and records why: which list entry matched, which rules were considered and
    /// whether their time frames were active, and which row of the precedence table decided.</summary>
    /// <param name="call">The caller.</param>
    /// <param name="state">The user's live state.</param>
    /// <param name="now">The instant the call arrives.</param>
    /// <returns>The explanation, whose <see cref="RouteExplanation.Decision"/> equals what <see cref="Route"/> returns.</returns>
    public RouteExplanation Explain(in IncomingCall call, in UserState state, Instant now)
    {
        var steps = new List<string>();
        PhoneNumberKey? caller = null;
        NumberListEntry? blocked = null;
        NumberListEntry? allowed = null;
        if (call.CallerNumber is { Length: > 0 } number && _numbers.TryCanonicalize(number, out var key))
        {
            caller = key;
            steps.Add($"Caller {number} is {key} in canonical form.");
            Rules.BlockList.TryGet(key, out blocked);
            Rules.AllowList.TryGet(key, out allowed);
        }
        else
        {
            steps.Add(string.IsNullOrEmpty(call.CallerNumber) ? "The caller withheld the number." : $"Caller {call.CallerNumber} is not a phone number; the lists cannot match it.");
        }

        if (blocked is not null)
        {
            steps.Add($"Row 1: {blocked.Number}{Label(blocked)} is on the block list; the call is rejected.");
            return new RouteExplanation(Route(call, state, now), caller, blocked, null, null, null, null, steps);
        }

        if (allowed is not null)
        {
            steps.Add($"{allowed.Number}{Label(allowed)} is on the allow list: it bypasses screening, do not disturb and the anonymous block.");
        }

        if (Rules.BlockAnonymous && allowed is null && call.IsAnonymous)
        {
            steps.Add("Row 2: the caller passes no calling name (anonymous or unknown) and \"block anonymous or unknown\" is on; the call is rejected.");
            return new RouteExplanation(Route(call, state, now), caller, null, null, null, null, null, steps);
        }

        var index = Rules.Rules.Length;
        for (var i = 0; i < Rules.Rules.Length; i++)
        {
            var rule = Rules.Rules[i];
            var frame = _frames[i];
            if (frame is null)
            {
                steps.Add($"Rule '{rule.TimeFrame}': its time frame does not exist; skipped.");
                continue;
            }

            var active = frame.IsActive(now);
            if (!rule.Enabled)
            {
                steps.Add($"Rule '{rule.TimeFrame}': disabled; skipped (its time frame is {(active ? "active" : "not active")}).");
                continue;
            }

            if (active)
            {
                steps.Add($"Row 3: rule '{rule.TimeFrame}' applies: it is enabled and its time frame ({frame.Summarize()}) is active at {now}.");
                index = i;
                break;
            }

            steps.Add($"Rule '{rule.TimeFrame}': its time frame is not active at {now}.");
        }

        if (index == Rules.Rules.Length)
        {
            steps.Add("Row 3: no other rule applies; the Default rule does.");
        }

        var decision = Route(call, state, now);
        steps.Add(decision.Reason switch
        {
            RouteReason.DoNotDisturb => "Row 4: do not disturb is on.",
            RouteReason.ForwardAlways => "Row 5: the rule forwards every call.",
            RouteReason.Offline => $"Row 6: the user has no registered device and the rule forwards offline calls.",
            RouteReason.OnActive => $"Row 7: the user is on {state.ActiveCalls} call(s) and the rule forwards calls on active.",
            _ => "Row 8: the targets ring.",
        });
        steps.Add($"Decision: {decision}.");
        var appliedRule = index < Rules.Rules.Length ? Rules.Rules[index] : Rules.Default;
        var appliedFrame = index < Rules.Rules.Length ? _frames[index] : null;
        return new RouteExplanation(decision, caller, null, allowed, appliedRule, appliedFrame?.Frame.Name, appliedFrame is null ? null : true, steps);
    }

    private static string Label(NumberListEntry entry) => string.IsNullOrEmpty(entry.Name) ? string.Empty : $" ({entry.Name})";

    private int ActiveRuleIndex(Instant now)
    {
        var index = CompiledTimeFrame.IndexOfFirstActive(_enabledFrames, now);
        return index < 0 ? _enabledFrames.Length : index;
    }
}
