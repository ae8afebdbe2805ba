using K7.SampleHost.Domain;
using K7.SampleHost.Seed;
using K7.Sip.Proxy;
using NodaTime;

namespace K7.SampleHost.CallHistory;

/// <summary>The call history of the guide's chapter 10: Ellen Green's (202) calls of Tuesday 3 June 2025, and the callers' outbound records.</summary>
internal sealed class CallHistoryDemoSeed(CallHistoryStore store, CallerNames names, UserDirectory users, HostSettings settings) : IDemoSeed
{
    /// <summary>The guide's rows: caller, local time, talk time, outcome, the device that answered.</summary>
    internal static readonly (string Caller, LocalTime At, int Seconds, CallOutcome Outcome, string? Device)[] GuideRows =
    [
        ("203", new LocalTime(10, 59), 31, CallOutcome.Answered, "202wp"),
        ("203", new LocalTime(10, 58), 5, CallOutcome.Answered, "202"),
        ("201", new LocalTime(10, 55), 30, CallOutcome.Answered, "202wp"),
        ("201", new LocalTime(7, 25, 40), 0, CallOutcome.NoAnswer, null),
        ("201", new LocalTime(7, 25), 0, CallOutcome.NoAnswer, null),
        ("207", new LocalTime(7, 18), 0, CallOutcome.NoAnswer, null),
        (string.Empty, new LocalTime(6, 13), 55, CallOutcome.Voicemail, "vmail-202"),
    ];

    public Task SeedAsync(CancellationToken cancellationToken)
    {
        var zone = DateTimeZoneProviders.Tzdb[users.Find("202")?.TimeZone ?? settings.Options.TimeZone];
        var day = new LocalDate(2025, 6, 3);
        var n = 0;
        foreach (var (caller, at, seconds, outcome, device) in GuideRows)
        {
            var start = (day + at).InZoneLeniently(zone).ToInstant();
            var callId = $"guide-{++n}@k7.example";
            var records = new List<CallRecord>
            {
                new(Guid.CreateVersion7().ToString("N"), "202", callId, CallDirection.Inbound, caller, names.Find("202", caller), "202", device, outcome, start, seconds),
            };
            if (users.Find(caller) is not null)
            {
                records.Add(new(Guid.CreateVersion7().ToString("N"), caller, callId, CallDirection.Outbound, caller, names.Find(caller, caller), "202", device, outcome, start, seconds));
            }

            store.Add(records);
        }

        return Task.CompletedTask;
    }
}
