using K7.TimeFrames;
using NodaTime;

namespace K7.Routing.Tests.Evaluation;

/// <summary>Time frames, numbers and callers shared by the routing tests; everything fixed, nothing read from the clock.</summary>
internal static class RoutingFixtures
{
    public const string UserId = "202";

    public const string Region = "US";

    public static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    public static readonly TimeFrameCompiler Compiler = new(new PublicHolidayCalendar());

    public static readonly PhoneNumberCanonicalizer Numbers = new(Region);

    /// <summary>Tuesday 2025-07-08 10:00 in New York.</summary>
    public static readonly Instant Now = Instant.FromUtc(2025, 7, 8, 14, 0);

    /// <summary>One afternoon in 1999: never active at any instant the tests use.</summary>
    public static readonly TimeFrameDefinition NeverDefinition =
        new SpecificDatesDefinition(new SpecificDateInterval(new LocalDateTime(1999, 3, 1, 9, 0), new LocalDateTime(1999, 3, 1, 17, 0)));

    public static readonly CompiledTimeFrame Always = Compile("Always", AlwaysDefinition.Instance);

    public static readonly CompiledTimeFrame AlsoAlways = Compile("Also always", AlwaysDefinition.Instance);

    public static readonly CompiledTimeFrame Never = Compile("Never", NeverDefinition);

    /// <summary>"Always", "Also always" and "Never"; "Deleted" is not among them (its frame was deleted).</summary>
    public static readonly Func<string, CompiledTimeFrame?> Frames = Lookup(Always, AlsoAlways, Never);

    /// <summary>The name of a time frame that does not exist.</summary>
    public const string Deleted = "Deleted";

    public static readonly PhoneNumberKey SpamNumber = Numbers.Parse("+15551231111");

    public static readonly PhoneNumberKey FrontDeskNumber = Numbers.Parse("+15551230000");

    public static readonly NumberListEntry Spam = new(SpamNumber, "Spam");

    public static readonly NumberListEntry FrontDesk = new(FrontDeskNumber, "Front desk");

    public static readonly NumberList BlockList = NumberList.Create([Spam]);

    public static readonly NumberList AllowList = NumberList.Create([FrontDesk]);

    /// <summary>A caller on no list, with a name.</summary>
    public static readonly IncomingCall Stranger = new("+15559876543", "Gary Smith");

    public static readonly IncomingCall Blocked = new("(555) 123-1111", "Spam Co");

    public static readonly IncomingCall Allowed = new("555-123-0000", "Front desk");

    public static readonly UserState Idle = new(ActiveCalls: 0, RegisteredDevices: 2);

    public static readonly UserState OnCall = new(ActiveCalls: 1, RegisteredDevices: 2);

    public static readonly UserState Offline = new(ActiveCalls: 0, RegisteredDevices: 0);

    public static CompiledTimeFrame Compile(string name, TimeFrameDefinition definition) =>
        Compiler.Compile(new TimeFrame(name, TimeFrameOwner.User(UserId), NewYork, definition));

    public static Func<string, CompiledTimeFrame?> Lookup(params IEnumerable<CompiledTimeFrame> frames)
    {
        var byName = frames.ToDictionary(f => f.Frame.Name, StringComparer.OrdinalIgnoreCase);
        return name => byName.GetValueOrDefault(name);
    }

    /// <summary>User 202's rules with the Spam block list and the Front desk allow list, nothing else.</summary>
    public static AnsweringRuleSet CreateSet(params IEnumerable<AnsweringRule> rules) =>
        AnsweringRuleSet.Create(UserId, rules, AnsweringRule.Default, AnsweringRuleSet.DefaultRingTimeout, AllowList, BlockList, blockAnonymous: false, voicemailEnabled: true);
}
