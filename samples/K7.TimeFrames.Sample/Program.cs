using System.Globalization;
using K7.TimeFrames;
using K7.TimeFrames.Sample;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;

// Compose through DI, as a host does; everything also works with `new TimeFrameCompiler(new PublicHolidayCalendar())`.
using var provider = new ServiceCollection()
    .AddK7TimeFrames(options => options.SearchHorizonYears = 10)
    .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
var catalog = provider.GetRequiredService<TimeFrameCatalog>();
var clock = provider.GetRequiredService<IClock>();
var now = args.Length > 0 ? NodaTime.Text.InstantPattern.ExtendedIso.Parse(args[0]).GetValueOrThrow() : clock.GetCurrentInstant();

var manager = TimeFrameActor.OfficeManager("200");
foreach (var (_, create) in PortalExamples.All)
{
    catalog.Add(manager, create());
}

Console.WriteLine($"Time frames visible to 202 at {now}:");
Console.WriteLine($"{"Name",-18} {"Owner",-7} {"Active",-6} {"Next on",-28} Summary");
foreach (var compiled in catalog.GetVisible("202"))
{
    var next = compiled.GetNextStart(now);
    var nextText = next is { } n ? n.InZone(compiled.Frame.Zone).ToString("ddd, MM/dd/yyyy HH:mm", CultureInfo.InvariantCulture) : "-";
    Console.WriteLine($"{compiled.Frame.Name,-18} {compiled.Frame.Owner,-7} {(compiled.IsActive(now) ? "yes" : "no"),-6} {nextText,-28} {compiled.Summarize()}");
}

// A user may not edit the domain's frames: the error names the field and the reason.
try
{
    catalog.Update(TimeFrameActor.User("202"), PortalExamples.OutOfOffice().WithDefinition(AlwaysDefinition.Instance));
}
catch (TimeFrameValidationException e)
{
    Console.WriteLine($"Refused: {e.Field}: {e.Reason}");
}
