using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using K7.SampleHost.CallHistory;
using K7.Sip.Proxy;
using NodaTime;

namespace K7.SampleHost.Tests;

public sealed class CallHistoryPropertyTests
{
    private static readonly Instant Day = Instant.FromUtc(2025, 6, 3, 0, 0);
    private static readonly string[] Users = ["201", "202", "203"];
    private static readonly string[] Numbers = ["201", "202", "203", "+15551231111", "+15551234567", "", "2021"];

    private static readonly Gen<CallRecord> RecordGen =
        from user in Gen.Elements(Users)
        from direction in Gen.Elements(CallDirection.Inbound, CallDirection.Outbound)
        from caller in Gen.Elements(Numbers)
        from dialed in Gen.Elements(Numbers)
        from outcome in Gen.Elements(Enum.GetValues<CallOutcome>())
        from hours in Gen.Choose(0, 24).Select(h => h * 3) // every third hour, so that calls often start together and the order's tie-break counts
        from seconds in Gen.Choose(0, 600)
        select new CallRecord(
            string.Empty,
            user,
            string.Empty,
            direction,
            caller,
            null,
            dialed,
            null,
            outcome,
            Day + Duration.FromHours(hours),
            seconds);

    // Unique ids and call ids by position; equal start times are ordered by id.
    private static readonly Gen<CallRecord[]> RecordsGen = Gen.ArrayOf(RecordGen).Select(records => records
        .Select((r, i) => r with { Id = i.ToString("x4", CultureInfo.InvariantCulture), CallId = "call-" + i.ToString(CultureInfo.InvariantCulture) })
        .ToArray());

    private static readonly Gen<(string User, CallHistoryQuery Query)> QueryGen =
        from user in Gen.Elements(Users)
        from start in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(0, 3 * 24 * 60).Select(m => (int?)m))
        from length in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 2 * 24 * 60).Select(m => (int?)m))
        from caller in Gen.Elements<string?>(null, "20", "202", "555", "+1555123", "1")
        from dialed in Gen.Elements<string?>(null, "20", "203", "4567")
        from type in Gen.OneOf(Gen.Constant<CallType?>(null), Gen.Elements(Enum.GetValues<CallType>()).Select(t => (CallType?)t))
        from skip in Gen.Choose(0, 10)
        from take in Gen.Choose(1, 20)
        select (user, new CallHistoryQuery
        {
            From = start is { } f ? Day + Duration.FromMinutes(f) : null,
            Until = length is { } l ? Day + Duration.FromMinutes((start ?? 0) + l) : null,
            CallerNumber = caller,
            DialedNumber = dialed,
            Type = type,
            Skip = skip,
            Take = take,
        });

    [Property(MaxTest = 200)]
    public Property Query_IsTheLinqReference() =>
        Prop.ForAll(RecordsGen.ToArbitrary(), QueryGen.ToArbitrary(), (records, q) =>
        {
            using var store = new CallHistoryStore(":memory:");
            store.Add(records);
            var page = store.Query(q.User, q.Query);
            var expected = Reference(records, q.User, q.Query).ToList();
            return page.Total == expected.Count
                && page.Items.Select(r => r.Id).SequenceEqual(expected.Skip(q.Query.Skip).Take(q.Query.Take).Select(r => r.Id))
                && page.Items.SequenceEqual(expected.Skip(q.Query.Skip).Take(q.Query.Take));
        });

    private static IEnumerable<CallRecord> Reference(IEnumerable<CallRecord> records, string user, CallHistoryQuery q) =>
        records
            .Where(r => r.User == user)
            .Where(r => q.From is null || r.Start >= q.From)
            .Where(r => q.Until is null || r.Start < q.Until)
            .Where(r => q.CallerNumber is null || r.CallerNumber.Contains(q.CallerNumber, StringComparison.Ordinal))
            .Where(r => q.DialedNumber is null || r.DialedNumber.Contains(q.DialedNumber, StringComparison.Ordinal))
            .Where(r => q.Type is not { } type || r.Is(type))
            .OrderByDescending(r => r.Start)
            .ThenByDescending(r => r.Id, StringComparer.Ordinal);
}
