namespace K7.SampleHost.Music;

/// <summary>At start, deletes the music-on-hold files that no index names (a crash between writing a file and its index).</summary>
internal sealed partial class MusicOnHoldRecovery(MusicOnHoldStore store, ILogger<MusicOnHoldRecovery> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var file in store.RemoveOrphans())
        {
            Log.OrphanDeleted(logger, file);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Deleted {File}: a music-on-hold file that no index names (left by an interrupted upload)")]
        public static partial void OrphanDeleted(ILogger logger, string file);
    }
}
