using System.Collections.Immutable;
using NodaTime;

namespace K7.Routing;

/// <summary>
/// One user's answering rules (portal chapter 6): the ordered rules, each bound to a time frame, the Default rule,
/// the ring timeout, the allow and block lists, and "block anonymous or unknown".
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe; every change returns a new set, validated as a whole, so an invalid change throws
/// <see cref="RoutingValidationException"/> and leaves nothing half-applied.</para>
/// <para>Rules are named by their time frame (one rule per time frame) and kept in priority order: the first enabled rule
/// whose time frame is active applies, else the Default rule, which cannot be deleted or moved.</para>
/// </remarks>
public sealed class AnsweringRuleSet : IEquatable<AnsweringRuleSet>
{
    /// <summary>The shortest ring timeout.</summary>
    public static readonly Duration MinRingTimeout = Duration.FromSeconds(5);

    /// <summary>The longest ring timeout.</summary>
    public static readonly Duration MaxRingTimeout = Duration.FromSeconds(300);

    /// <summary>The portal's default ring timeout, 25 seconds.</summary>
    public static readonly Duration DefaultRingTimeout = Duration.FromSeconds(25);

    /// <summary>The most rules (besides Default) one user may have.</summary>
    public const int MaxRules = 100;

    private AnsweringRuleSet(string userId, ImmutableArray<AnsweringRule> rules, AnsweringRule defaultRule, Duration ringTimeout, NumberList allowList, NumberList blockList, bool blockAnonymous, bool voicemailEnabled)
    {
        UserId = userId;
        Rules = rules;
        Default = defaultRule;
        RingTimeout = ringTimeout;
        AllowList = allowList;
        BlockList = blockList;
        BlockAnonymous = blockAnonymous;
        VoicemailEnabled = voicemailEnabled;
        RuleSetValidator.Validate(this);
    }

    /// <summary>Gets the user whose calls these rules route, for example "202".</summary>
    public string UserId { get; }

    /// <summary>Gets the rules other than Default, highest priority first.</summary>
    public ImmutableArray<AnsweringRule> Rules { get; }

    /// <summary>Gets the Default rule, which applies when no other rule does.</summary>
    public AnsweringRule Default { get; }

    /// <summary>Gets how long devices ring before the call goes to the "when unanswered" destination.</summary>
    public Duration RingTimeout { get; }

    /// <summary>Gets the allowed numbers: they bypass call screening and do not disturb.</summary>
    public NumberList AllowList { get; }

    /// <summary>Gets the blocked numbers: their calls are rejected, whatever else applies.</summary>
    public NumberList BlockList { get; }

    /// <summary>Gets a value indicating whether callers that pass no calling name (anonymous or unknown) are rejected.</summary>
    public bool BlockAnonymous { get; }

    /// <summary>Gets a value indicating whether the user has voicemail; without it, calls that would go there are disconnected.</summary>
    public bool VoicemailEnabled { get; }

    /// <summary>Returns the rules of a user who has only the Default rule, a 25-second ring timeout, empty lists and voicemail on.</summary>
    /// <param name="userId">The user's id.</param>
    /// <returns>The rule set.</returns>
    public static AnsweringRuleSet CreateDefault(string userId) =>
        new(userId, [], AnsweringRule.Default, DefaultRingTimeout, NumberList.Empty, NumberList.Empty, blockAnonymous: false, voicemailEnabled: true);

    /// <summary>Returns a rule set built from its parts, validated.</summary>
    /// <param name="userId">The user's id.</param>
    /// <param name="rules">The rules other than Default, highest priority first.</param>
    /// <param name="defaultRule">The Default rule (no time frame).</param>
    /// <param name="ringTimeout">The ring timeout, 5–300 seconds.</param>
    /// <param name="allowList">The allowed numbers.</param>
    /// <param name="blockList">The blocked numbers.</param>
    /// <param name="blockAnonymous">Whether anonymous or unknown callers are rejected.</param>
    /// <param name="voicemailEnabled">Whether the user has voicemail.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="RoutingValidationException">A part is invalid.</exception>
    public static AnsweringRuleSet Create(string userId, IEnumerable<AnsweringRule> rules, AnsweringRule defaultRule, Duration ringTimeout, NumberList allowList, NumberList blockList, bool blockAnonymous, bool voicemailEnabled)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new(userId, [.. rules], defaultRule, ringTimeout, allowList, blockList, blockAnonymous, voicemailEnabled);
    }

    /// <summary>Returns the rule for <paramref name="timeFrame"/>, or the Default rule for "Default".</summary>
    /// <param name="timeFrame">The rule's time frame name (case-insensitive).</param>
    /// <returns>The rule, or <see langword="null"/>.</returns>
    public AnsweringRule? Find(string timeFrame)
    {
        if (string.Equals(timeFrame, "Default", StringComparison.OrdinalIgnoreCase))
        {
            return Default;
        }

        var index = IndexOf(timeFrame);
        return index >= 0 ? Rules[index] : null;
    }

    /// <summary>Returns the set with <paramref name="rule"/> added at the top (highest priority), as the portal's "Add Rule" does.</summary>
    /// <param name="rule">The new rule; its time frame must not have a rule yet.</param>
    /// <returns>The new set.</returns>
    public AnsweringRuleSet Add(AnsweringRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.TimeFrame is not null && IndexOf(rule.TimeFrame) >= 0)
        {
            RuleSetValidator.Fail("TimeFrame", $"The time frame '{rule.TimeFrame}' already has a rule; edit that rule instead.");
        }

        return With(rules: Rules.Insert(0, rule));
    }

    /// <summary>Returns the set with the rule of the same time frame replaced (the Default rule when its time frame is null).</summary>
    /// <param name="rule">The edited rule.</param>
    /// <returns>The new set.</returns>
    public AnsweringRuleSet Replace(AnsweringRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.TimeFrame is null)
        {
            return With(defaultRule: rule);
        }

        return With(rules: Rules.SetItem(RequireIndex(rule.TimeFrame), rule));
    }

    /// <summary>Returns the set without the rule of <paramref name="timeFrame"/>. The Default rule cannot be deleted.</summary>
    /// <param name="timeFrame">The rule's time frame name.</param>
    /// <returns>The new set.</returns>
    public AnsweringRuleSet Remove(string timeFrame) => With(rules: Rules.RemoveAt(RequireIndex(timeFrame)));

    /// <summary>Returns the set with the rule of <paramref name="timeFrame"/> enabled or disabled.</summary>
    /// <param name="timeFrame">The rule's time frame name.</param>
    /// <param name="enabled">Whether the rule is enabled.</param>
    /// <returns>The new set.</returns>
    public AnsweringRuleSet SetEnabled(string timeFrame, bool enabled)
    {
        var index = RequireIndex(timeFrame);
        return With(rules: Rules.SetItem(index, Rules[index] with { Enabled = enabled }));
    }

    /// <summary>Returns the set with the rule of <paramref name="timeFrame"/> one place higher (no change at the top).</summary>
    /// <param name="timeFrame">The rule's time frame name.</param>
    /// <returns>The new set.</returns>
    public AnsweringRuleSet MoveUp(string timeFrame) => Move(RequireIndex(timeFrame), -1);

    /// <summary>Returns the set with the rule of <paramref name="timeFrame"/> one place lower (no change at the bottom: Default stays last).</summary>
    /// <param name="timeFrame">The rule's time frame name.</param>
    /// <returns>The new set.</returns>
    public AnsweringRuleSet MoveDown(string timeFrame) => Move(RequireIndex(timeFrame), +1);

    /// <summary>Returns the set with the rule of <paramref name="timeFrame"/> at the top.</summary>
    /// <param name="timeFrame">The rule's time frame name.</param>
    /// <returns>The new set.</returns>
    public AnsweringRuleSet MoveToTop(string timeFrame)
    {
        var index = RequireIndex(timeFrame);
        return With(rules: Rules.RemoveAt(index).Insert(0, Rules[index]));
    }

    /// <summary>Returns the set with another ring timeout.</summary>
    /// <param name="ringTimeout">5–300 seconds.</param>
    /// <returns>The new set.</returns>
    public AnsweringRuleSet WithRingTimeout(Duration ringTimeout) => With(ringTimeout: ringTimeout);

    /// <summary>Returns the set with other allow and block lists.</summary>
    /// <param name="allowList">The allowed numbers.</param>
    /// <param name="blockList">The blocked numbers.</param>
    /// <returns>The new set.</returns>
    public AnsweringRuleSet WithLists(NumberList allowList, NumberList blockList)
    {
        ArgumentNullException.ThrowIfNull(allowList);
        ArgumentNullException.ThrowIfNull(blockList);
        return With(allowList: allowList, blockList: blockList);
    }

    /// <summary>Returns the set with "block anonymous or unknown" on or off.</summary>
    /// <param name="blockAnonymous">Whether anonymous or unknown callers are rejected.</param>
    /// <returns>The new set.</returns>
    public AnsweringRuleSet WithBlockAnonymous(bool blockAnonymous) => With(blockAnonymous: blockAnonymous);

    /// <summary>Returns the set with voicemail on or off.</summary>
    /// <param name="voicemailEnabled">Whether the user has voicemail.</param>
    /// <returns>The new set.</returns>
    public AnsweringRuleSet WithVoicemail(bool voicemailEnabled) => With(voicemailEnabled: voicemailEnabled);

    /// <inheritdoc/>
    public bool Equals(AnsweringRuleSet? other) =>
        other is not null && UserId == other.UserId && Rules.AsSpan().SequenceEqual(other.Rules.AsSpan()) && Default.Equals(other.Default)
        && RingTimeout == other.RingTimeout && AllowList.Equals(other.AllowList) && BlockList.Equals(other.BlockList)
        && BlockAnonymous == other.BlockAnonymous && VoicemailEnabled == other.VoicemailEnabled;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as AnsweringRuleSet);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(UserId, Rules.Length, Default, RingTimeout, BlockAnonymous, VoicemailEnabled);

    private AnsweringRuleSet Move(int index, int step)
    {
        var target = index + step;
        if (target < 0 || target >= Rules.Length)
        {
            return this;
        }

        var builder = Rules.ToBuilder();
        (builder[index], builder[target]) = (builder[target], builder[index]);
        return With(rules: builder.ToImmutable());
    }

    private int IndexOf(string timeFrame)
    {
        ArgumentNullException.ThrowIfNull(timeFrame);
        for (var i = 0; i < Rules.Length; i++)
        {
            if (string.Equals(Rules[i].TimeFrame, timeFrame, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private int RequireIndex(string timeFrame)
    {
        ArgumentNullException.ThrowIfNull(timeFrame);
        if (string.Equals(timeFrame, "Default", StringComparison.OrdinalIgnoreCase) && IndexOf(timeFrame) < 0)
        {
            RuleSetValidator.Fail("TimeFrame", "The Default rule cannot be deleted or moved; it always applies last.");
        }

        var index = IndexOf(timeFrame);
        if (index < 0)
        {
            RuleSetValidator.Fail("TimeFrame", $"There is no rule for the time frame '{timeFrame}'.");
        }

        return index;
    }

    private AnsweringRuleSet With(
        ImmutableArray<AnsweringRule>? rules = null,
        AnsweringRule? defaultRule = null,
        Duration? ringTimeout = null,
        NumberList? allowList = null,
        NumberList? blockList = null,
        bool? blockAnonymous = null,
        bool? voicemailEnabled = null) =>
        new(UserId, rules ?? Rules, defaultRule ?? Default, ringTimeout ?? RingTimeout, allowList ?? AllowList, blockList ?? BlockList, blockAnonymous ?? BlockAnonymous, voicemailEnabled ?? VoicemailEnabled);
}
