using System.Globalization;
using K7.Routing;
using K7.Routing.Sample;
using K7.TimeFrames;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;

using var provider = new ServiceCollection()
    .AddK7Routing(options => options.DefaultRegion = "US")
    .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

// The time frames the rules refer to (see samples/K7.TimeFrames.Sample for more).
var zone = DateTimeZoneProviders.Tzdb["America/New_York"];
var catalog = provider.GetRequiredService<TimeFrameCatalog>();
var manager = TimeFrameActor.OfficeManager("200");
catalog.Add(manager, new TimeFrame("Out of Office", TimeFrameOwner.Domain, zone, new HolidaysDefinition(HolidaySelection.FromCalendar("US", "independence-day"))));
catalog.Add(manager, new TimeFrame("Early Release", TimeFrameOwner.User("202"), zone, new DaysOfWeekDefinition(new DaySchedule(IsoDayOfWeek.Friday, TimeRange.Parse("13:00-17:00")))));
catalog.Add(manager, new TimeFrame("Office hours", TimeFrameOwner.User("202"), zone, new DaysOfWeekDefinition([.. new DaySchedule(IsoDayOfWeek.Monday, TimeRange.BusinessHours).CopyTo(Weekdays.MondayToFriday)])));
catalog.Add(manager, new TimeFrame("Staff meeting", TimeFrameOwner.User("202"), zone, new DaysOfWeekDefinition(new DaySchedule(IsoDayOfWeek.Monday, TimeRange.Parse("09:00-10:00"))) { Recurrence = DaysOfWeekRecurrence.Monthly(WeekdayOrdinal.First) }));
catalog.Add(manager, new TimeFrame("Night shift", TimeFrameOwner.User("202"), zone, new DaysOfWeekDefinition(new DaySchedule(IsoDayOfWeek.Friday, TimeRange.Parse("22:00-06:00")))));

var resolver = (RouteResolver)provider.GetRequiredService<IRouteResolver>();
var rules = resolver.SetRules(RoutingExamples.Ellen(resolver.Numbers));

Console.WriteLine("Answering rules of 202 (Ellen Green):");
foreach (var rule in rules.Rules.Rules.Append(rules.Rules.Default))
{
    Console.WriteLine($"  {rule.TimeFrame ?? "Default",-14} {rule.Describe("202", RoutingExamples.UserName)}");
}

var moments = args.Length > 0
    ? args.Select(a => NodaTime.Text.InstantPattern.ExtendedIso.Parse(a).GetValueOrThrow()).ToArray()
    : [Instant.FromUtc(2025, 7, 4, 15, 0), Instant.FromUtc(2025, 7, 11, 18, 0), Instant.FromUtc(2025, 7, 8, 14, 0), Instant.FromUtc(2025, 7, 12, 16, 0)];
var calls = new[]
{
    new IncomingCall("(555) 123-1111", "Spam Co"),
    new IncomingCall("+15551230000", "Front desk"),
    new IncomingCall("555-987-6543", null),
    new IncomingCall("+15559876543", "Gary Smith"),
};

foreach (var now in moments)
{
    Console.WriteLine();
    Console.WriteLine($"At {now.InZone(zone):ddd yyyy-MM-dd HH:mm} (New York), active rule: {rules.GetActiveRule(now).TimeFrame ?? "Default"}; matching: {string.Join(", ", rules.GetMatchingRules(now).Select(r => r.TimeFrame ?? "Default"))}");
    foreach (var call in calls)
    {
        Console.WriteLine($"  {call.CallerNumber,-16} {call.CallerName ?? "(no name)",-12} -> {rules.Route(call, new UserState(ActiveCalls: 0, RegisteredDevices: 2), now)}");
    }
}

Console.WriteLine();
Console.WriteLine("Why? (an allow-listed caller during do not disturb, Friday 14:00):");
Console.WriteLine(rules.Explain(new IncomingCall("+15551230000", "Front desk"), new UserState(0, 2), Instant.FromUtc(2025, 7, 11, 18, 0)));
