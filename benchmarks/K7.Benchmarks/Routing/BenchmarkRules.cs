using K7.Routing;
using K7.TimeFrames;
using NodaTime;

namespace K7.Benchmarks.Routing;

/// <summary>
/// The user the Routing benchmarks route calls for: ten rules, each on its own Custom time frame (days of the week plus
/// one US holiday), a 1,000-entry block list, a 50-entry allow list and "block anonymous or unknown" on; and the calls,
/// user states and instants the benchmarks route.
/// </summary>
internal static class BenchmarkRules
{
    public const string UserId = "202";
    public const string Region = "US";
    public const int BlockListSize = 1_000;
    public const int AllowListSize = 50;

    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["America/New_York"];

    /// <summary>The name of the rule that applies at the office-hours instants (the ninth rule).</summary>
    public const string OfficeHours = "Office hours";

    private static readonly Weekdays MondayToThursday = Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday;

    /// <summary>
    /// The ten frames, in the priority order of their rules. At the <see cref="Instants"/>, only
    /// <see cref="OfficeHours"/> (ninth) is active, or none: routing checks nine or ten frames before it finds the rule.
    /// </summary>
    public static TimeFrame[] Frames() =>
    [
        Frame("Night shift", "new-year", Days(Weekdays.MondayToFriday, "22:00-06:00")),
        Frame("Weekend", "christmas", Days(Weekdays.Saturday | Weekdays.Sunday, "00:00-00:00")),
        Frame("Early release", "thanksgiving", Days(Weekdays.Friday, "13:00-17:00")),
        Frame("Lunch", "juneteenth", Days(Weekdays.MondayToFriday, "12:00-13:00")),
        Frame(
            "Staff meeting",
            "independence-day",
            new DaysOfWeekDefinition(new DaySchedule(IsoDayOfWeek.Monday, TimeRange.Parse("09:00-10:00"))) { Recurrence = DaysOfWeekRecurrence.Monthly(WeekdayOrdinal.First) }),
        Frame("Sunday service", "memorial-day", Days(Weekdays.Sunday, "08:00-15:00")),
        Frame("Inventory", "labor-day", Days(Weekdays.Saturday, "06:00-14:00")),
        Frame("Evening", "veterans-day", Days(MondayToThursday, "17:00-20:00")),
        Frame(OfficeHours, "martin-luther-king", Days(Weekdays.MondayToFriday, "08:00-17:00")),
        Frame("Saturday hotline", "columbus-day", Days(Weekdays.Saturday, "09:00-12:00")),
    ];

    /// <summary>
    /// The rules, one per frame of <see cref="Frames"/> in the same order, with a mix of settings (do not disturb,
    /// forwarding, screening, simultaneous ring), and Default ringing the desk phone and the user's extension.
    /// </summary>
    public static AnsweringRuleSet RuleSet(PhoneNumberCanonicalizer numbers)
    {
        var cell = Destination.ExternalNumber("+15555550123");
        AnsweringRule[] rules =
        [
            AnsweringRule.For("Night shift") with
            {
                SimultaneousRing = new SimultaneousRing
                {
                    RingAllUserPhones = true,
                    AnswerConfirmationForOffNet = true,
                    Targets = [new RingTarget(cell, Duration.FromSeconds(5))],
                },
                Forwarding = new CallForwarding { WhenOffline = cell },
            },
            AnsweringRule.For("Weekend") with { DoNotDisturb = true },
            AnsweringRule.For("Early release") with { DoNotDisturb = true, Forwarding = new CallForwarding { OnDoNotDisturb = Destination.User("207") } },
            AnsweringRule.For("Lunch") with { Forwarding = new CallForwarding { WhenUnanswered = Destination.User("203") } },
            AnsweringRule.For("Staff meeting") with
            {
                Forwarding = new CallForwarding { Always = Destination.Conference("300"), OnActive = Destination.User("203") },
            },
            AnsweringRule.For("Sunday service") with { Forwarding = new CallForwarding { Always = Destination.Voicemail(UserId) } },
            AnsweringRule.For("Inventory") with { CallScreening = true },
            AnsweringRule.For("Evening") with { Forwarding = new CallForwarding { WhenUnanswered = cell, WhenOffline = cell } },
            AnsweringRule.For(OfficeHours) with
            {
                CallScreening = true,
                Forwarding = new CallForwarding
                {
                    OnActive = Destination.User("207"),
                    WhenBusy = Destination.Voicemail(UserId),
                    WhenUnanswered = cell,
                    WhenOffline = cell,
                },
            },
            AnsweringRule.For("Saturday hotline") with
            {
                SimultaneousRing = new SimultaneousRing { Targets = [new RingTarget(Destination.User("203")), new RingTarget(Destination.User("207"), Duration.FromSeconds(10))] },
            },
        ];
        var defaultRule = AnsweringRule.Default with
        {
            SimultaneousRing = new SimultaneousRing { Targets = [new RingTarget(Destination.Device("202wp"))] },
        };

        var block = new List<NumberListEntry>(BlockListSize);
        foreach (var number in BlockedNumbers())
        {
            block.Add(new NumberListEntry(numbers.Parse(number), block.Count % 3 == 0 ? string.Empty : $"Spam {block.Count:D4}"));
        }

        var allow = new List<NumberListEntry>(AllowListSize);
        for (var i = 0; i < AllowListSize; i++)
        {
            allow.Add(new NumberListEntry(numbers.Parse($"+1555123{i:D4}"), $"Colleague {i:D2}"));
        }

        return AnsweringRuleSet.Create(
            UserId,
            rules,
            defaultRule,
            Duration.FromSeconds(30),
            NumberList.Create(allow),
            NumberList.Create(block),
            blockAnonymous: true,
            voicemailEnabled: true);
    }

    /// <summary>1,000 distinct North American numbers in E.164 form, from a fixed seed; none is on the allow list.</summary>
    public static string[] BlockedNumbers()
    {
        int[] areaCodes = [201, 212, 213, 305, 312, 404, 415, 503, 617, 702, 713, 801, 917];
        var random = new Random(20251126);
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<string>(BlockListSize);
        while (ordered.Count < BlockListSize)
        {
            var number = $"+1{areaCodes[random.Next(areaCodes.Length)]}{random.Next(200, 1000):D3}{random.Next(0, 10_000):D4}";
            if (numbers.Add(number))
            {
                ordered.Add(number);
            }
        }

        return [.. ordered];
    }

    /// <summary>
    /// Sixteen callers as they arrive, in E.164 and US national formats: two blocked, three allow-listed (one passing no
    /// name, which the allow list lets through), three anonymous or unknown (rejected: "block anonymous or unknown" is
    /// on) and eight others. The five rejected calls stop before the rules; the other eleven reach the rule scan.
    /// </summary>
    public static IncomingCall[] Calls()
    {
        var blocked = BlockedNumbers();
        return
        [
            new IncomingCall(blocked[17], "Spam Co"),
            new IncomingCall(National(blocked[503]), "Robocall"),
            new IncomingCall("(555) 123-0007", "Front desk"),
            new IncomingCall("+15551230042", "Lab"),
            new IncomingCall("555-123-0013", null),
            new IncomingCall(null, null),
            new IncomingCall("anonymous", "Anonymous"),
            new IncomingCall("(555) 987-6543", null),
            new IncomingCall("+12025550143", "Gary Smith"),
            new IncomingCall("(617) 555-0199", "Tim Garcia"),
            new IncomingCall("415-555-0123", "Suzanne May"),
            new IncomingCall("8015550188", "Acme Corp"),
            new IncomingCall("+13125550111", "Pat Jones"),
            new IncomingCall("(303) 555-0100", "City Hall"),
            new IncomingCall("+447700900123", "London office"),
            new IncomingCall("212-555-0175", "Lee Wong"),
        ];
    }

    /// <summary>The user's state for the call at <paramref name="index"/>: available, on a call, or offline, in turn.</summary>
    public static UserState State(int index) => (index % 3) switch
    {
        0 => new UserState(ActiveCalls: 0, RegisteredDevices: 2),
        1 => new UserState(ActiveCalls: 1, RegisteredDevices: 2),
        _ => new UserState(ActiveCalls: 0, RegisteredDevices: 0),
    };

    /// <summary>
    /// Four instants, New York time, none on a holiday of the frames: three during office hours (Tuesday 10:15,
    /// Wednesday 14:40, Thursday 09:05), where the ninth rule applies, and Wednesday 20:30, where none does (Default).
    /// </summary>
    public static Instant[] Instants() =>
    [
        Local(2025, 11, 18, 10, 15),
        Local(2026, 2, 11, 14, 40),
        Local(2025, 5, 15, 9, 5),
        Local(2025, 10, 22, 20, 30),
    ];

    /// <summary>Finds a compiled frame by name, as <see cref="TimeFrameCatalog.Find"/> would for the user.</summary>
    public static Func<string, CompiledTimeFrame?> Lookup(IEnumerable<CompiledTimeFrame> frames)
    {
        var byName = new Dictionary<string, CompiledTimeFrame>(StringComparer.OrdinalIgnoreCase);
        foreach (var frame in frames)
        {
            byName.Add(frame.Frame.Name, frame);
        }

        return name => byName.GetValueOrDefault(name);
    }

    private static string National(string e164) => $"({e164[2..5]}) {e164[5..8]}-{e164[8..]}";

    private static TimeFrame Frame(string name, string holidayId, DaysOfWeekDefinition days) =>
        new(name, TimeFrameOwner.User(UserId), Zone, new CustomDefinition(days, new HolidaysDefinition(HolidaySelection.FromCalendar(Region, holidayId))));

    private static DaysOfWeekDefinition Days(Weekdays days, string range) =>
        new([.. new DaySchedule(IsoDayOfWeek.Monday, TimeRange.Parse(range)).CopyTo(days)]);

    private static Instant Local(int year, int month, int day, int hour, int minute) =>
        Zone.AtStrictly(new LocalDateTime(year, month, day, hour, minute)).ToInstant();
}
