using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace K7.Routing.Tests.Serialization;

/// <summary>Answering-rules JSON after a few random one-character edits (delete, insert, replace).</summary>
/// <param name="Original">The serializer's output the edits started from.</param>
/// <param name="Text">The edited text.</param>
public sealed record MutatedRulesJson(string Original, string Text)
{
    /// <inheritdoc/>
    public override string ToString() => Text;
}

/// <summary>
/// FsCheck generators of valid answering-rule sets for the JSON tests. Every rule of <see cref="RuleSetValidator"/> is
/// respected: a user that is not blank; a ring timeout of 5–300 whole seconds; at most a few rules (the model allows
/// 100), each with a time frame that is not blank, not "Default" and not used twice (ignoring case); destinations of a
/// defined kind with a value that is not blank, at most 256 characters, E.164 for off-net numbers; no "all phones"
/// forwarding; "when busy" only without simultaneous ring; a simultaneous ring that rings something, whose targets are
/// not voicemail boxes or conferences, are distinct and start 0–10 whole seconds late.
/// </summary>
internal static class RoutingJsonGenerators
{
    public static readonly PhoneNumberCanonicalizer Numbers = new("US");

    private static readonly string[] TextParts =
    [
        "Office", "hours", "Out of", "Office", " ", "-", "7", "&", "<b>", "'", "\"", "\\", "/", "é", "Zürich", "日本", "😀",
        "\u00A0", "\u2028", "{", "}", "Default",
    ];

    /// <summary>Numbers as people type them, for the canonicalizer: North American, with separators, and other countries'.</summary>
    private static readonly string[] NumberFormats =
    [
        "555-123-{0:0000}", "(555) 987-{0:0000}", "+1 212 555 {0:0000}", "+44 20 7946 {0:0000}", "+39 06 1234 {0:0000}",
        "+49 30 1234{0:0000}", "+33 1 42 68 {0:0000}", "+81 3 1234 {0:0000}", "+61 2 9876 {0:0000}",
    ];

    private static readonly DestinationKind[] ForwardKinds =
    [
        DestinationKind.User, DestinationKind.Device, DestinationKind.ExternalNumber, DestinationKind.Voicemail,
        DestinationKind.Conference, DestinationKind.Other,
    ];

    private static readonly DestinationKind[] RingKinds =
    [
        DestinationKind.User, DestinationKind.Device, DestinationKind.UserDevices, DestinationKind.ExternalNumber, DestinationKind.Other,
    ];

    private static readonly char[] EditChars =
    [
        '{', '}', '[', ']', '"', ',', ':', ' ', '\n', '\\', '/', '-', '+', '.', '0', '1', '5', '9', 'e', 't', 'f', 'n', 'u', 'x', 'é', '\uD800', '\u0000',
    ];

    /// <summary>Gets the arbitrary of valid rule sets.</summary>
    public static Arbitrary<AnsweringRuleSet> RuleSets() => Arb.From(RuleSet);

    /// <summary>Gets the arbitrary of mutated rule-set JSON.</summary>
    public static Arbitrary<MutatedRulesJson> Mutations() => Arb.From(Mutation);

    /// <summary>Gets a generator of valid rule sets.</summary>
    public static Gen<AnsweringRuleSet> RuleSet =>
        from user in Text
        from timeout in Gen.Frequency((3, Gen.Constant(25)), (1, Gen.Choose(5, 300)))
        from voicemail in Gen.Elements(true, false)
        from blockAnonymous in Gen.Elements(true, false)
        from allow in List
        from block in List
        from defaultRule in Rule(null)
        from frames in TimeFrames
        from rules in Gen.CollectToArray(frames, frame => Rule(frame))
        select AnsweringRuleSet.Create(user, rules.Select(r => WithoutOwnPhones(r, user)), WithoutOwnPhones(defaultRule, user), Duration.FromSeconds(timeout), allow, block, blockAnonymous, voicemail);

    /// <summary>Drops ring targets that name the user's own extension or phones, which the rule's switches already ring.</summary>
    private static AnsweringRule WithoutOwnPhones(AnsweringRule rule, string user)
    {
        if (rule.SimultaneousRing is not { } ring)
        {
            return rule;
        }

        var targets = ring.Targets.RemoveAll(t => t.Destination.Value == user && t.Destination.Kind is DestinationKind.Device or DestinationKind.UserDevices);
        return rule with
        {
            SimultaneousRing = ring with
            {
                Targets = targets,
                IncludeUserExtension = ring.IncludeUserExtension || (!ring.RingAllUserPhones && targets.IsEmpty),
            },
        };
    }

    /// <summary>Gets a generator of serialized rule sets (compact or indented) with one to three random edits.</summary>
    public static Gen<MutatedRulesJson> Mutation =>
        from rules in RuleSet
        from indented in Gen.Elements(false, true)
        from count in Gen.Choose(1, 3)
        from edits in Gen.ArrayOf(Edit, count)
        select Apply(AnsweringRulesJson.Serialize(rules, indented), edits);

    /// <summary>Text that is not blank, from parts that need escaping or are not ASCII; no lone surrogates.</summary>
    private static Gen<string> Text =>
        from count in Gen.Choose(1, 6)
        from parts in Gen.ArrayOf(Gen.Elements(TextParts), count)
        let text = string.Concat(parts)
        select string.IsNullOrWhiteSpace(text) ? "202" : text;

    /// <summary>Zero to six distinct time-frame names (ignoring case), none of them "Default".</summary>
    private static Gen<string[]> TimeFrames =>
        from count in Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 6)))
        from names in Gen.ArrayOf(Text, count)
        select names
            .Where(n => !string.Equals(n, "Default", StringComparison.OrdinalIgnoreCase))
            .DistinctBy(n => n, StringComparer.OrdinalIgnoreCase)
            .ToArray();

    private static Gen<NumberList> List =>
        from count in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 5)))
        from entries in Gen.ArrayOf(Entry, count)
        select NumberList.Create(entries);

    private static Gen<NumberListEntry> Entry =>
        from number in Gen.Frequency((4, TypedNumber), (1, AnyKey))
        from name in Gen.Frequency((2, Gen.Constant<string?>(null)), (3, Text.Select(t => (string?)t)), (1, Gen.Elements<string?>("", "  ", " Spam ")))
        select new NumberListEntry(number, name);

    /// <summary>A number as a person types it, read by the canonicalizer.</summary>
    private static Gen<PhoneNumberKey> TypedNumber =>
        from format in Gen.Elements(NumberFormats)
        from digits in Gen.Choose(0, 9999)
        select Numbers.Parse(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, digits));

    /// <summary>Any key the model accepts, possible number or not (the tolerant canonicalizer and the key's own
    /// constructor make those): 1 to 15 digits.</summary>
    private static Gen<PhoneNumberKey> AnyKey =>
        from high in Gen.Choose(0, 999_999)
        from low in Gen.Choose(1, 999_999_999)
        from digits in Gen.Choose(1, 15)
        select new PhoneNumberKey(Math.Max(1UL, (((ulong)high * 1_000_000_000UL) + (ulong)low) % Pow10(digits)));

    private static Gen<AnsweringRule> Rule(string? timeFrame) =>
        from enabled in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        from doNotDisturb in Gen.Elements(false, false, true)
        from callScreening in Gen.Elements(false, false, true)
        from ring in Gen.Frequency((2, Gen.Constant<SimultaneousRing?>(null)), (3, Ring.Select(r => (SimultaneousRing?)r)))
        from forwarding in Forwarding(allowWhenBusy: ring is null)
        select new AnsweringRule
        {
            TimeFrame = timeFrame,
            Enabled = enabled,
            DoNotDisturb = doNotDisturb,
            CallScreening = callScreening,
            Forwarding = forwarding,
            SimultaneousRing = ring,
        };

    private static Gen<CallForwarding> Forwarding(bool allowWhenBusy) =>
        from always in Maybe(ForwardDestination)
        from onActive in Maybe(ForwardDestination)
        from whenBusy in allowWhenBusy ? Maybe(ForwardDestination) : Gen.Constant<Destination?>(null)
        from whenUnanswered in Maybe(ForwardDestination)
        from whenOffline in Maybe(ForwardDestination)
        from onDoNotDisturb in Maybe(ForwardDestination)
        select new CallForwarding
        {
            Always = always,
            OnActive = onActive,
            WhenBusy = whenBusy,
            WhenUnanswered = whenUnanswered,
            WhenOffline = whenOffline,
            OnDoNotDisturb = onDoNotDisturb,
        };

    private static Gen<SimultaneousRing> Ring =>
        from includeUserExtension in Gen.Elements(true, false)
        from ringAllUserPhones in Gen.Elements(false, false, true)
        from confirmation in Gen.Elements(true, false)
        from count in Gen.Choose(includeUserExtension || ringAllUserPhones ? 0 : 1, 4)
        from destinations in Gen.ArrayOf(Destination(RingKinds), count)
        from delays in Gen.ArrayOf(Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(0, 10))), count)
        let distinct = destinations.Distinct().ToArray()
        select new SimultaneousRing
        {
            IncludeUserExtension = includeUserExtension || (!ringAllUserPhones && distinct.Length == 0),
            RingAllUserPhones = ringAllUserPhones,
            AnswerConfirmationForOffNet = confirmation,
            Targets = [.. distinct.Select((d, i) => new RingTarget(d, Duration.FromSeconds(delays[i])))],
        };

    private static Gen<Destination> ForwardDestination => Destination(ForwardKinds);

    private static Gen<Destination> Destination(DestinationKind[] kinds) =>
        from kind in Gen.Elements(kinds)
        from value in kind == DestinationKind.ExternalNumber ? E164 : Gen.Frequency((3, Gen.Elements("202", "207", "202wp", "300", "aa-main")), (2, Text), (1, LongValue))
        select new Destination(kind, value);

    /// <summary>What the model accepts as E.164: '+', a digit that is not 0, then 1 to 14 digits.</summary>
    private static Gen<string> E164 =>
        Gen.Frequency(
            (3, Gen.Elements("+15555550123", "+442079460958", "+390612345678")),
            (2, from first in Gen.Choose(1, 9)
                from length in Gen.Choose(1, 14)
                from rest in Gen.ArrayOf(Gen.Choose(0, 9), length)
                select $"+{first}{string.Concat(rest)}"));

    /// <summary>Values up to the model's limit of 256 characters.</summary>
    private static Gen<string> LongValue => Gen.Choose(200, 256).Select(n => new string('x', n - 1) + "é");

    private static Gen<Destination?> Maybe(Gen<Destination> destination) =>
        Gen.Frequency((3, Gen.Constant<Destination?>(null)), (1, destination.Select(d => (Destination?)d)));

    private static Gen<(int Operation, int Position, char Char)> Edit =>
        from operation in Gen.Choose(0, 2)
        from position in Gen.Choose(0, int.MaxValue)
        from c in Gen.Elements(EditChars)
        select (operation, position, c);

    private static ulong Pow10(int digits)
    {
        var value = 1UL;
        for (var i = 0; i < digits; i++)
        {
            value *= 10;
        }

        return value;
    }

    private static MutatedRulesJson Apply(string json, (int Operation, int Position, char Char)[] edits)
    {
        var text = json;
        foreach (var (operation, position, c) in edits)
        {
            var at = position % (text.Length + 1);
            text = operation switch
            {
                0 when at < text.Length => text.Remove(at, 1),
                1 => text.Insert(at, c.ToString()),
                _ when at < text.Length => string.Concat(text.AsSpan(0, at), c.ToString(), text.AsSpan(at + 1)),
                _ => text + c,
            };
        }

        return new MutatedRulesJson(json, text);
    }
}
