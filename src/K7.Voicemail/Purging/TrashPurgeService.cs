using K7.Voicemail.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace K7.Voicemail.Purging;

/// <summary>
/// Empties every mailbox's trash once a day at a local time (the portal's "messages in trash are deleted daily"),
/// driven by <see cref="IClock"/>. It only ever calls <see cref="IVoicemailStore.PurgeTrashAsync"/>: nothing outside the
/// trash folder is touched.
/// </summary>
/// <remarks>
/// As a hosted service it checks the clock every <see cref="CheckInterval"/> and runs a purge when one is due; a host
/// that was down at the purge time purges at its next check. Tests call <see cref="RunDueAsync"/> with a fake clock.
/// Thread-safe: purges never overlap.
/// </remarks>
public sealed partial class TrashPurgeService : BackgroundService
{
    private readonly IVoicemailStore _store;
    private readonly IClock _clock;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Instant _nextRun;

    /// <summary>Initializes a new instance of the <see cref="TrashPurgeService"/> class.</summary>
    /// <param name="store">The store whose trash folders are emptied.</param>
    /// <param name="schedule">When to empty them.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="logger">The logger, or <see langword="null"/> for none.</param>
    public TrashPurgeService(IVoicemailStore store, DailySchedule schedule, IClock clock, ILogger<TrashPurgeService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(clock);
        _store = store;
        Schedule = schedule;
        _clock = clock;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _nextRun = schedule.NextAfter(clock.GetCurrentInstant());
    }

    /// <summary>Gets the schedule.</summary>
    public DailySchedule Schedule { get; }

    /// <summary>Gets the instant of the next purge.</summary>
    public Instant NextRun => _nextRun;

    /// <summary>Gets or sets how often the hosted loop looks at the clock.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Purges every mailbox's trash if the purge time has come, and schedules the next purge.</summary>
    /// <param name="cancellationToken">Cancels the purge between mailboxes.</param>
    /// <returns>The number of messages deleted, or <see langword="null"/> when no purge was due.</returns>
    public async Task<int?> RunDueAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _clock.GetCurrentInstant();
            if (now < _nextRun)
            {
                return null;
            }

            var deleted = 0;
            foreach (var mailbox in await _store.ListMailboxesAsync(cancellationToken).ConfigureAwait(false))
            {
                deleted += await _store.PurgeTrashAsync(mailbox, null, cancellationToken).ConfigureAwait(false);
            }

            _nextRun = Schedule.NextAfter(now);
            Log.Purged(_logger, deleted, _nextRun);
            return deleted;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckInterval);
        try
        {
            do
            {
                try
                {
                    await RunDueAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or VoicemailFormatException)
                {
                    Log.PurgeFailed(_logger, ex); // tried again at the next check
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Emptied the voicemail trash: {Deleted} messages deleted; next purge at {NextRun}")]
        public static partial void Purged(ILogger logger, int deleted, Instant nextRun);

        [LoggerMessage(2, LogLevel.Error, "Emptying the voicemail trash failed; it is tried again at the next check")]
        public static partial void PurgeFailed(ILogger logger, Exception exception);
    }
}
