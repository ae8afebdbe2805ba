using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using K7.TimeFrames;
using NodaTime;

namespace K7.Routing.Tests;

/// <summary>The time frames rules are bound to in generated cases.</summary>
public enum FrameKind
{
    /// <summary>Always active.</summary>
    Always,

    /// <summary>Two afternoons in 1999: never active in 2024–2027.</summary>
    Never,

    /// <summary>Fridays 13:00–17:00 in New York.</summary>
    FridayAfternoons,

    /// <summary>Monday to Friday 08:00–17:00 in New York.</summary>
    BusinessHours,

    /// <summary>Every night 22:00–06:00 in New York (crosses midnight).</summary>
    Nights,

    /// <summary>Custom: Independence Day, Thanksgiving and Christmas (observed), or Saturday and Sunday.</summary>
    HolidaysAndWeekends,

    /// <summary>No such time frame (it was deleted): the rule never applies.</summary>
    Missing,
}

/// <summary>A phone number of the generators' pool and ways people write it.</summary>
/// <param name="E164">The canonical form.</param>
/// <param name="Forms">The number as callers send it: E.164, national formats with separators, and so on.</param>
public sealed record PoolNumber(string E164, ImmutableArray<string> Forms);

/// <summary>A valid rule set of user 202, the time frame of each of its rules, a call, the user's state and an instant.</summary>
/// <param name="Rules">The rules.</param>
/// <param name="FrameKinds">The time frame of each rule, by the rule's name (case-insensitive).</param>
/// <param name="Call">The call.</param>
/// <param name="CallerE164">The canonical number the call's number was written from, or <see langword="null"/> when the caller sent none or garbage.</param>
/// <param name="State">The user's state.</param>
/// <param name="Now">The instant the call arrives.</param>
public sealed record RoutingCase(AnsweringRuleSet Rules, ImmutableDictionary<string, FrameKind> FrameKinds, IncomingCall Call, string? CallerE164, UserState State, Instant Now)
{
    /// <summary>Gets the lookup of compiled time frames the rules are compiled against.</summary>
    public Func<string, CompiledTimeFrame?> Frames => name => FrameKinds.TryGetValue(name, out var kind) ? Generators.CompileFrame(name, kind) : null;

    /// <summary>Gets a value indicating whether the caller's number is on the block list.</summary>
    public bool CallerBlocked => IsListed(Rules.BlockList);

    /// <summary>Gets a value indicating whether the caller's number is on the allow list.</summary>
    public bool CallerAllowed => IsListed(Rules.AllowList);

    /// <inheritdoc/>
    public override string ToString() => Generators.Describe(this);

    private bool IsListed(NumberList list) => CallerE164 is not null && list.Entries.Any(e => e.Number.ToString() == CallerE164);
}

/// <summary>A routing case whose rule set has at least one rule, and the position of one of them.</summary>
/// <param name="Case">The case.</param>
/// <param name="Index">A position in <c>Case.Rules.Rules</c>.</param>
public sealed record RuleInCase(RoutingCase Case, int Index)
{
    /// <inheritdoc/>
    public override string ToString() => $"rule [{Index}] '{Case.Rules.Rules[Index].TimeFrame}' of {Case}";
}

/// <summary>FsCheck generators of valid rule sets (every rule of the validator respected), time frames, calls, user states and instants.</summary>
public static class Generators
{
    public const string UserId = "202";

    public static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    public static readonly PhoneNumberCanonicalizer Numbers = new("US");

    /// <summary>The names rules get (each a time frame's name).</summary>
    public static readonly ImmutableArray<string> RuleNames =
        ["Office hours", "Out of Office", "Early Release", "Staff meeting", "Night shift", "Lunch", "Holidays", "Weekend"];

    /// <summary>The numbers calls come from and the lists are made of: US numbers and a few foreign ones. The written
    /// forms include what caller ids carry besides the common formats: tel: URIs, extensions, no-break spaces, en dashes.</summary>
    public static readonly ImmutableArray<PoolNumber> Pool =
    [
        Us("555", "123", "1111"),
        Us("555", "123", "0000"),
        Us("212", "555", "0100"),
        Us("646", "555", "0199"),
        Us("555", "987", "6543"),
        Us("310", "555", "0142"),
        new("+442079460958", ["+442079460958", "+44 20 7946 0958", "011 44 20 7946 0958", "+44 (0)20 7946 0958"]),
        new("+33142685300", ["+33142685300", "+33 1 42 68 53 00", "011 33 1 42 68 53 00"]),
    ];

    /// <summary>Caller "numbers" that are not phone numbers, or not whole ones.</summary>
    public static readonly ImmutableArray<string> Garbage =
        ["anonymous", "Anonymous", "unknown", "Restricted", "abc", "12", "+", "1", "555-123-111", "+1555123111", "sip:202@example.com", "(555) 123-11111", "555-CALL-NOW", "+0 555 123 1111"];

    private static readonly TimeFrameCompiler Compiler = new(new PublicHolidayCalendar());

    private static readonly ConcurrentDictionary<(string Name, FrameKind Kind), CompiledTimeFrame> Compiled = new();

    private static readonly Instant FirstInstant = Instant.FromUtc(2024, 1, 1, 0, 0);

    private static readonly int DayCount = (int)(Instant.FromUtc(2028, 1, 1, 0, 0) - FirstInstant).TotalDays;

    private static readonly LocalTime[] Boundaries =
    [
        LocalTime.Midnight, new(5, 59, 59), new(6, 0), new(7, 59, 59), new(8, 0), new(12, 59, 59), new(13, 0),
        new(16, 59, 59), new(17, 0), new(21, 59, 59), new(22, 0), new(23, 59, 59),
    ];

    private static readonly string[] Names = ["Gary Smith", "Spam Co", "Front desk", "Tim Garcia", "WIRELESS CALLER"];

    /// <summary>Gets whole routing cases.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<RoutingCase> RoutingCases() => Arb.From(RoutingCaseGen(), Shrink);

    /// <summary>Gets a routing case with at least one rule, and the position of one of its rules.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<RuleInCase> RulesInCase() =>
        Arb.From(
            from c in RoutingCaseGen(minRules: 1)
            from index in Gen.Choose(0, c.Rules.Rules.Length - 1)
            select new RuleInCase(c, index));

    /// <summary>Gets valid rule sets of user 202: 0–8 rules named after time frames, lists, timeout, settings (a
    /// <see cref="RoutingCase"/> also says which time frame of the pool each rule is bound to).</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<AnsweringRuleSet> RuleSets() => Arb.From(SetGen(0).Select(x => x.Set));

    /// <summary>Gets calls: numbers of the pool in several formats, withheld numbers, garbage; with or without a name.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<IncomingCall> Calls() => Arb.From(CallGen([]).Select(x => x.Call));

    /// <summary>Gets users' states: on 0–3 calls, 0–3 registered devices.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<UserState> States() => Arb.From(StateGen());

    /// <summary>Gets instants in 2024–2027, a third of them at a boundary of a frame of the pool.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<Instant> Instants() => Arb.From(InstantGen());

    /// <summary>Returns the frame of kind <paramref name="kind"/> named <paramref name="name"/>, compiled (cached).</summary>
    /// <param name="name">The name.</param>
    /// <param name="kind">The kind.</param>
    /// <returns>The compiled frame, or <see langword="null"/> for <see cref="FrameKind.Missing"/>.</returns>
    public static CompiledTimeFrame? CompileFrame(string name, FrameKind kind) =>
        kind == FrameKind.Missing
            ? null
            : Compiled.GetOrAdd((name, kind), key => Compiler.Compile(new TimeFrame(key.Name, TimeFrameOwner.User(UserId), NewYork, Definition(key.Kind))));

    /// <summary>Returns the definition of a frame kind of the pool.</summary>
    /// <param name="kind">The kind (not <see cref="FrameKind.Missing"/>).</param>
    /// <returns>The definition.</returns>
    public static TimeFrameDefinition Definition(FrameKind kind) => kind switch
    {
        FrameKind.Always => AlwaysDefinition.Instance,
        FrameKind.Never => new SpecificDatesDefinition(
            new SpecificDateInterval(new LocalDateTime(1999, 3, 1, 9, 0), new LocalDateTime(1999, 3, 1, 17, 0)),
            new SpecificDateInterval(new LocalDateTime(1999, 12, 24, 12, 0), new LocalDateTime(1999, 12, 26, 8, 0))),
        FrameKind.FridayAfternoons => new DaysOfWeekDefinition(new DaySchedule(IsoDayOfWeek.Friday, TimeRange.Parse("13:00-17:00"))),
        FrameKind.BusinessHours => new DaysOfWeekDefinition([.. new DaySchedule(IsoDayOfWeek.Monday, TimeRange.BusinessHours).CopyTo(Weekdays.MondayToFriday)]),
        FrameKind.Nights => new DaysOfWeekDefinition([.. new DaySchedule(IsoDayOfWeek.Monday, TimeRange.Parse("22:00-06:00")).CopyTo(Weekdays.All)]),
        FrameKind.HolidaysAndWeekends => new CustomDefinition(
            new HolidaysDefinition(
                HolidaySelection.FromCalendar("US", "independence-day"),
                HolidaySelection.FromCalendar("US", "thanksgiving"),
                HolidaySelection.FromCalendar("US", "christmas")),
            new DaysOfWeekDefinition(new DaySchedule(IsoDayOfWeek.Saturday, TimeRange.WholeDay), new DaySchedule(IsoDayOfWeek.Sunday, TimeRange.WholeDay))),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A missing frame has no definition."),
    };

    /// <summary>Describes a case in a few lines, for counterexamples.</summary>
    /// <param name="c">The case.</param>
    /// <returns>The text.</returns>
    public static string Describe(RoutingCase c)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"call ({Quote(c.Call.CallerNumber)}, {Quote(c.Call.CallerName)}) from {c.CallerE164 ?? "-"}")
            .Append(CultureInfo.InvariantCulture, $", state {c.State.ActiveCalls} call(s) / {c.State.RegisteredDevices} device(s)")
            .Append(CultureInfo.InvariantCulture, $", at {c.Now} ({c.Now.InZone(NewYork).ToString("ddd yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} New York)")
            .AppendLine()
            .Append(CultureInfo.InvariantCulture, $"  set: timeout {c.Rules.RingTimeout.TotalSeconds:0} s, block anonymous {c.Rules.BlockAnonymous}, voicemail {c.Rules.VoicemailEnabled}")
            .Append(CultureInfo.InvariantCulture, $", allow [{string.Join(", ", c.Rules.AllowList.Entries.Select(e => e.Number.ToString()))}]")
            .Append(CultureInfo.InvariantCulture, $", block [{string.Join(", ", c.Rules.BlockList.Entries.Select(e => e.Number.ToString()))}]");
        foreach (var rule in c.Rules.Rules)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  '{rule.TimeFrame}' ({c.FrameKinds[rule.TimeFrame!]}): {Show(rule)}");
        }

        text.AppendLine().Append(CultureInfo.InvariantCulture, $"  Default: {Show(c.Rules.Default)}");
        return text.ToString();
    }

    private static string Show(AnsweringRule rule) => rule.Describe(UserId);

    private static string Quote(string? text) => text is null ? "null" : $"\"{text}\"";

    private static PoolNumber Us(string area, string exchange, string line) =>
        new(
            $"+1{area}{exchange}{line}",
            [
                $"+1{area}{exchange}{line}",
                $"({area}) {exchange}-{line}",
                $"{area}-{exchange}-{line}",
                $"{area}.{exchange}.{line}",
                $"{area}{exchange}{line}",
                $"1-{area}-{exchange}-{line}",
                $"1{area}{exchange}{line}",
                $"+1 {area} {exchange} {line}",
                $"+1 ({area}) {exchange}-{line}",
                $"+1-{area}-{exchange}-{line}",
                $" {area} {exchange} {line} ",
                $"1 ({area}) {exchange}-{line}",
                $"({area}){exchange}-{line}",
                $"011 1 {area} {exchange} {line}",
                $"tel:+1-{area}-{exchange}-{line}",
                $"+1 {area} {exchange} {line} ext. 5",
                $"({area}) {exchange}-{line} x12",
                $"{area}\u00A0{exchange}\u00A0{line}",
                $"{area}\u2013{exchange}\u2013{line}",
                $"\t{area}-{exchange}-{line}\t",
            ]);

    private static Gen<RoutingCase> RoutingCaseGen(int minRules = 0) =>
        from set in SetGen(minRules)
        from call in CallGen(ListedNumbers(set.Set))
        from state in StateGen()
        from now in InstantGen()
        select new RoutingCase(set.Set, set.Kinds, call.Call, call.E164, state, now);

    private static string[] ListedNumbers(AnsweringRuleSet set) =>
        [.. set.AllowList.Entries.Concat(set.BlockList.Entries).Select(e => e.Number.ToString()).Distinct()];

    private static Gen<(AnsweringRuleSet Set, ImmutableDictionary<string, FrameKind> Kinds)> SetGen(int minRules) =>
        from count in Gen.Frequency((1, Gen.Choose(minRules, minRules)), (6, Gen.Choose(Math.Max(minRules, 1), 4)), (1, Gen.Choose(5, RuleNames.Length)))
        from names in Gen.Shuffle(RuleNames.ToArray())
        from rules in Gen.CollectToArray<string, AnsweringRule>(names.Take(count), name => RuleGen(name))
        from kinds in Gen.ArrayOf(FrameKindGen(), count)
        from defaultRule in RuleGen(null)
        from timeout in Gen.Frequency((2, Gen.Constant(25)), (3, Gen.Choose(5, 300)))
        from allow in ListGen()
        from block in ListGen()
        from blockAnonymous in Gen.Elements(true, false)
        from voicemail in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        let set = AnsweringRuleSet.Create(UserId, rules, defaultRule, Duration.FromSeconds(timeout), allow, block, blockAnonymous, voicemail)
        let frameKinds = ImmutableDictionary.CreateRange(StringComparer.OrdinalIgnoreCase, rules.Select((r, i) => KeyValuePair.Create(r.TimeFrame!, kinds[i])))
        select (set, frameKinds);

    private static Gen<NumberList> ListGen() =>
        from count in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 3)), (1, Gen.Choose(4, Pool.Length)))
        from indexes in Gen.Shuffle(Enumerable.Range(0, Pool.Length))
        from names in Gen.ArrayOf(Gen.Elements<string?>(null, "", "Spam", "Front desk", "Mom"), count)
        select NumberList.Create(indexes.Take(count).Select((i, n) => new NumberListEntry(Numbers.Parse(Pool[i].E164), names[n])));

    private static Gen<AnsweringRule> RuleGen(string? timeFrame) =>
        from enabled in Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false)))
        from dnd in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
        from screening in Gen.Frequency((1, Gen.Constant(true)), (2, Gen.Constant(false)))
        from ring in Gen.Frequency((1, Gen.Constant<SimultaneousRing?>(null)), (1, SimultaneousRingGen()))
        from always in Maybe(1, 6, ForwardGen())
        from onActive in Maybe(1, 2, ForwardGen())
        from whenBusy in ring is null ? Maybe(1, 2, ForwardGen()) : Gen.Constant<Destination?>(null)
        from whenUnanswered in Maybe(1, 1, ForwardGen())
        from whenOffline in Maybe(1, 2, ForwardGen())
        from onDnd in Maybe(1, 2, ForwardGen())
        select new AnsweringRule
        {
            TimeFrame = timeFrame,
            Enabled = timeFrame is null || enabled,
            DoNotDisturb = dnd,
            CallScreening = screening,
            SimultaneousRing = ring,
            Forwarding = new CallForwarding
            {
                Always = always,
                OnActive = onActive,
                WhenBusy = whenBusy,
                WhenUnanswered = whenUnanswered,
                WhenOffline = whenOffline,
                OnDoNotDisturb = onDnd,
            },
        };

    private static Gen<SimultaneousRing?> SimultaneousRingGen() =>
        from includeUser in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        from allPhones in Gen.Frequency((1, Gen.Constant(true)), (2, Gen.Constant(false)))
        from confirm in Gen.Elements(true, false)
        from count in Gen.Choose(0, 4)
        from targets in Gen.ArrayOf(RingTargetGen(), count)
        let distinct = targets.DistinctBy(t => t.Destination).ToImmutableArray()
        select (SimultaneousRing?)new SimultaneousRing
        {
            IncludeUserExtension = includeUser || (!allPhones && distinct.IsEmpty),
            RingAllUserPhones = allPhones,
            AnswerConfirmationForOffNet = confirm,
            Targets = distinct,
        };

    private static Gen<RingTarget> RingTargetGen() =>
        from destination in Gen.OneOf(
            Gen.Elements("202wp", "202-softphone", "lobby").Select(Destination.Device),
            Gen.Elements("201", "203", "207").Select(Destination.User),
            Gen.Elements("+15555550123", "+442079460958", "+12125550100").Select(Destination.ExternalNumber),
            Gen.Elements("203", "207").Select(Destination.UserDevices),
            Gen.Constant(Destination.Other("sip:desk@example.com")))
        from seconds in Gen.Frequency((2, Gen.Constant(0)), (3, Gen.Choose(0, 10)))
        select new RingTarget(destination, Duration.FromSeconds(seconds));

    private static Gen<Destination> ForwardGen() =>
        Gen.OneOf(
            Gen.Elements("201", "203", "207").Select(Destination.User),
            Gen.Elements("202wp", "203").Select(Destination.Device),
            Gen.Elements("+15555550123", "+442079460958").Select(Destination.ExternalNumber),
            Gen.Elements("202", "207").Select(Destination.Voicemail),
            Gen.Constant(Destination.Conference("300")),
            Gen.Constant(Destination.Other("aa-100")));

    private static Gen<Destination?> Maybe(int yes, int no, Gen<Destination> gen) =>
        Gen.Frequency((yes, gen.Select(d => (Destination?)d)), (no, Gen.Constant<Destination?>(null)));

    private static Gen<(IncomingCall Call, string? E164)> CallGen(string[] listed)
    {
        var name = Gen.Frequency((6, Gen.Elements<string?>(Names)), (1, Gen.Elements<string?>(null, "", "  ")));
        Gen<(string? Number, string? E164)> pool =
            from number in Gen.Elements(Pool.AsEnumerable())
            from form in Gen.Elements(number.Forms.AsEnumerable())
            select ((string?)form, (string?)number.E164);
        Gen<(string? Number, string? E164)> onList = listed.Length == 0
            ? pool
            : from e164 in Gen.Elements(listed)
              from form in Gen.Elements(Pool.Single(p => p.E164 == e164).Forms.AsEnumerable())
              select ((string?)form, (string?)e164);
        Gen<(string? Number, string? E164)> garbage = Gen.Elements(Garbage.AsEnumerable()).Select(g => ((string?)g, (string?)null));
        Gen<(string? Number, string? E164)> withheld = Gen.Elements<string?>(null, "", " ").Select(w => (w, (string?)null));
        return from number in Gen.Frequency((5, pool), (3, onList), (1, garbage), (1, withheld))
               from callerName in name
               select (new IncomingCall(number.Number, callerName), number.E164);
    }

    private static Gen<FrameKind> FrameKindGen() =>
        Gen.Frequency(
            (3, Gen.Constant(FrameKind.Always)),
            (2, Gen.Constant(FrameKind.Never)),
            (2, Gen.Constant(FrameKind.FridayAfternoons)),
            (2, Gen.Constant(FrameKind.BusinessHours)),
            (2, Gen.Constant(FrameKind.Nights)),
            (2, Gen.Constant(FrameKind.HolidaysAndWeekends)),
            (1, Gen.Constant(FrameKind.Missing)));

    private static Gen<UserState> StateGen() =>
        from calls in Gen.Frequency((4, Gen.Constant(0)), (2, Gen.Choose(1, 3)), (1, Gen.Constant(-1)))
        from devices in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 3)))
        select new UserState(calls, devices);

    private static Gen<Instant> InstantGen() =>
        from day in Gen.Choose(0, DayCount - 1)
        from uniform in Gen.Choose(0, 86_399)
        from boundary in Gen.Elements(Boundaries)
        from atBoundary in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true)))
        select atBoundary
            ? FirstInstant.Plus(Duration.FromDays(day)).InZone(NewYork).Date.At(boundary).InZoneLeniently(NewYork).ToInstant()
            : FirstInstant.Plus(Duration.FromDays(day) + Duration.FromSeconds(uniform));

    /// <summary>Smaller cases: fewer rules, the Default rule plain, no lists, the caller's name set.</summary>
    private static IEnumerable<RoutingCase> Shrink(RoutingCase c)
    {
        foreach (var rule in c.Rules.Rules)
        {
            var set = c.Rules.Remove(rule.TimeFrame!);
            yield return c with { Rules = set, FrameKinds = c.FrameKinds.Remove(rule.TimeFrame!) };
        }

        if (!c.Rules.Default.Equals(AnsweringRule.Default))
        {
            yield return c with { Rules = c.Rules.Replace(AnsweringRule.Default) };
        }

        foreach (var rule in c.Rules.Rules.Where(r => r.SimultaneousRing is not null || !r.Forwarding.Equals(CallForwarding.None) || r.DoNotDisturb || r.CallScreening))
        {
            yield return c with { Rules = c.Rules.Replace(AnsweringRule.For(rule.TimeFrame!) with { Enabled = rule.Enabled }) };
        }

        if (c.Rules.AllowList.Entries.Any() && !c.CallerAllowed)
        {
            yield return c with { Rules = c.Rules.WithLists(NumberList.Empty, c.Rules.BlockList) };
        }

        if (c.Rules.BlockList.Entries.Any() && !c.CallerBlocked)
        {
            yield return c with { Rules = c.Rules.WithLists(c.Rules.AllowList, NumberList.Empty) };
        }
    }
}
