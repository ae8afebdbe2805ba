using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace K7.Voicemail.Storage;

/// <summary>
/// Runs <see cref="FileSystemVoicemailStore.RecoverAsync"/> when the host starts, before any request: temporary files
/// and orphan audio left by a killed process are removed, and corrupt records are set aside and reported.
/// </summary>
public sealed partial class VoicemailRecoveryService : IHostedService
{
    private readonly IVoicemailStore _store;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="VoicemailRecoveryService"/> class.</summary>
    /// <param name="store">The store; only a <see cref="FileSystemVoicemailStore"/> has anything to recover.</param>
    /// <param name="logger">The logger, or <see langword="null"/> for none.</param>
    public VoicemailRecoveryService(IVoicemailStore store, ILogger<VoicemailRecoveryService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Gets the report of the recovery run at start, once the host started (<see langword="null"/> before, or for other stores).</summary>
    public VoicemailRecoveryReport? Report { get; private set; }

    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_store is not FileSystemVoicemailStore files)
        {
            return;
        }

        var report = await files.RecoverAsync(cancellationToken).ConfigureAwait(false);
        Report = report;
        if (report.IsClean)
        {
            Log.Clean(_logger, report.Mailboxes, report.Messages);
        }
        else
        {
            Log.Repaired(_logger, report.DeletedTemporaryFiles.Count, report.DeletedOrphanAudioFiles.Count, report.QuarantinedFiles.Count);
            foreach (var problem in report.QuarantinedFiles)
            {
                Log.Quarantined(_logger, problem.Field ?? "?", problem.Message);
            }
        }
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Voicemail store checked: {Mailboxes} mailboxes, {Messages} messages, nothing to repair")]
        public static partial void Clean(ILogger logger, int mailboxes, int messages);

        [LoggerMessage(2, LogLevel.Warning, "Voicemail store repaired: {Temporary} temporary files and {Orphans} orphan audio files removed, {Quarantined} corrupt records set aside")]
        public static partial void Repaired(ILogger logger, int temporary, int orphans, int quarantined);

        [LoggerMessage(3, LogLevel.Error, "Voicemail record set aside as corrupt: {File}: {Reason}")]
        public static partial void Quarantined(ILogger logger, string file, string reason);
    }
}
