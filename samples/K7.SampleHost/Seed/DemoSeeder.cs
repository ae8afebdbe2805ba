using K7.SampleHost.Domain;
using K7.SampleHost.Routing;
using K7.SampleHost.TimeFrames;
using K7.Sip.Devices;

namespace K7.SampleHost.Seed;

/// <summary>
/// Removes the temporary files of interrupted writes, loads the saved time frames and rules at start (before SIP starts routing) and, on an empty data folder, writes the
/// demo domain and then every page's demo data. The folder is marked seeded only when everything was written.
/// </summary>
internal sealed partial class DemoSeeder(
    HostSettings settings,
    UserDirectory users,
    DeviceRegistry devices,
    TimeFrameStore timeFrames,
    AnsweringRulesStore rules,
    IEnumerable<IDemoSeed> pages,
    ILogger<DemoSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        settings.Data.RemoveInterruptedWrites();
        timeFrames.Load();
        rules.LoadAll();
        var marker = settings.Data.SeededMarker;
        if (!settings.Options.SeedDemoDomain || File.Exists(marker) || users.All.Count > 0)
        {
            return;
        }

        DemoDomain.Write(settings, users, devices, timeFrames, rules);
        foreach (var page in pages)
        {
            await page.SeedAsync(cancellationToken).ConfigureAwait(false);
        }

        await File.WriteAllTextAsync(marker, "The demo domain of the portal guide was written here.\n", cancellationToken).ConfigureAwait(false);
        Log.Seeded(logger, settings.Data.Root);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Wrote the demo domain of the portal guide into {Folder}")]
        public static partial void Seeded(ILogger logger, string folder);
    }
}
