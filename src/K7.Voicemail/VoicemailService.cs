using K7.Voicemail.Audio;
using K7.Voicemail.Notifications;
using K7.Voicemail.Settings;
using K7.Voicemail.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace K7.Voicemail;

/// <summary>
/// The Messages page's engine: deposit (with the WAV checked, quotas enforced and the e-mail notification sent as the
/// user's settings say), listing in the user's order, save, trash, restore, delete, forward and download.
/// </summary>
/// <remarks>
/// A deposit never loses the message: it is stored before anything else happens, a failed e-mail leaves it as new,
/// and the after-notification move runs only once the e-mail went out. Thread-safe.
/// </remarks>
public sealed partial class VoicemailService
{
    private readonly IVoicemailStore _store;
    private readonly IVoicemailSettingsStore _settings;
    private readonly VoicemailEmailBuilder _emails;
    private readonly IEmailSender _sender;
    private readonly VoicemailOptions _options;
    private readonly DateTimeZone _zone;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="VoicemailService"/> class.</summary>
    /// <param name="store">The message store.</param>
    /// <param name="settings">The users' voicemail settings.</param>
    /// <param name="emails">Builds the notification e-mails.</param>
    /// <param name="sender">Delivers them.</param>
    /// <param name="options">Quotas and the display time zone.</param>
    /// <param name="logger">The logger, or <see langword="null"/> for none.</param>
    public VoicemailService(
        IVoicemailStore store,
        IVoicemailSettingsStore settings,
        VoicemailEmailBuilder emails,
        IEmailSender sender,
        IOptions<VoicemailOptions> options,
        ILogger<VoicemailService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(emails);
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _settings = settings;
        _emails = emails;
        _sender = sender;
        _options = options.Value;
        _zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(_options.TimeZone)
            ?? throw new ArgumentException($"TimeZone '{_options.TimeZone}' is not a TZDB time zone id.", nameof(options));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Deposits a message left by a caller: checks the audio and the quotas, stores it, notifies by e-mail.</summary>
    /// <param name="mailbox">The mailbox.</param>
    /// <param name="callerNumber">The caller's number (as shown on the page).</param>
    /// <param name="callerName">The caller-ID name, if any.</param>
    /// <param name="receivedAt">When the message was received.</param>
    /// <param name="wav">The recording: a WAV file (PCM, G.711 µ-law or A-law).</param>
    /// <param name="cancellationToken">Cancels the deposit (before the message is stored).</param>
    /// <returns>The stored message and what happened to the notification.</returns>
    /// <exception cref="VoicemailFormatException">The audio is not a WAV file of a supported encoding; the message says where.</exception>
    /// <exception cref="VoicemailQuotaException">The mailbox is full, the message is too long or too large, or voicemail is off.</exception>
    public async Task<VoicemailDepositResult> DepositAsync(
        MailboxId mailbox, string callerNumber, string? callerName, Instant receivedAt, Stream wav, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        ArgumentException.ThrowIfNullOrEmpty(callerNumber);
        ArgumentNullException.ThrowIfNull(wav);
        var settings = await _settings.GetAsync(mailbox, cancellationToken).ConfigureAwait(false);
        if (!settings.Enabled)
        {
            throw new VoicemailQuotaException(mailbox, "Voicemail is turned off for this mailbox.");
        }

        var audio = await ReadLimitedAsync(mailbox, wav, cancellationToken).ConfigureAwait(false);
        var info = WavReader.Read(audio.Span);
        if (info.Duration > _options.MaxMessageLength)
        {
            throw new VoicemailQuotaException(mailbox, $"The message lasts {info.Duration.TotalSeconds:0.#} s; the longest accepted is {_options.MaxMessageLength.TotalSeconds:0} s.");
        }

        var counts = await _store.CountsAsync(mailbox, cancellationToken).ConfigureAwait(false);
        if (counts.Total >= _options.MaxMessages)
        {
            throw new VoicemailQuotaException(mailbox, $"The mailbox is full ({counts.Total} of {_options.MaxMessages} messages, trash included).");
        }

        var deposit = new VoicemailDeposit
        {
            CallerNumber = callerNumber,
            CallerName = callerName,
            ReceivedAt = receivedAt,
            Duration = info.Duration,
            AudioFormat = info.Encoding.ToString().ToLowerInvariant(),
        };
        using var stream = new MemoryStream(audio.ToArray(), writable: false);
        // From here on nothing is cancelled: the message is the caller's, and it is stored before anything else.
        var message = await _store.DepositAsync(mailbox, deposit, stream, CancellationToken.None).ConfigureAwait(false);
        var outcome = await NotifyAsync(message, settings).ConfigureAwait(false);
        if (outcome == VoicemailNotificationOutcome.Sent && settings.AfterNotification != AfterNotification.LeaveAsNew)
        {
            var folder = settings.AfterNotification == AfterNotification.MoveToSaved ? VoicemailFolder.Saved : VoicemailFolder.Trash;
            message = await _store.MoveAsync(mailbox, message.Id, folder, CancellationToken.None).ConfigureAwait(false) ?? message;
        }

        return new VoicemailDepositResult(message, outcome);
    }

    /// <summary>Lists a folder in the user's order (latest or oldest first); never reads audio.</summary>
    /// <param name="mailbox">The mailbox.</param>
    /// <param name="folder">The folder.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The messages.</returns>
    public async Task<IReadOnlyList<VoicemailMessage>> ListAsync(MailboxId mailbox, VoicemailFolder folder, CancellationToken cancellationToken = default)
    {
        var settings = await _settings.GetAsync(mailbox, cancellationToken).ConfigureAwait(false);
        return await _store.ListAsync(mailbox, folder, settings.SortLatestFirst ? VoicemailSort.LatestFirst : VoicemailSort.OldestFirst, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gets the new, saved and trash counts (the page's new-message indicator).</summary>
    /// <param name="mailbox">The mailbox.</param>
    /// <param name="cancellationToken">Cancels the count.</param>
    /// <returns>The counts.</returns>
    public ValueTask<VoicemailCounts> CountsAsync(MailboxId mailbox, CancellationToken cancellationToken = default) => _store.CountsAsync(mailbox, cancellationToken);

    /// <summary>Moves a message to saved.</summary>
    /// <param name="mailbox">The mailbox.</param>
    /// <param name="id">The message.</param>
    /// <param name="cancellationToken">Cancels the move.</param>
    /// <returns>The moved message, or <see langword="null"/> when there is no such message.</returns>
    public ValueTask<VoicemailMessage?> SaveAsync(MailboxId mailbox, VoicemailMessageId id, CancellationToken cancellationToken = default) =>
        _store.MoveAsync(mailbox, id, VoicemailFolder.Saved, cancellationToken);

    /// <summary>Moves a message to trash (emptied daily by <see cref="Purging.TrashPurgeService"/>).</summary>
    /// <param name="mailbox">The mailbox.</param>
    /// <param name="id">The message.</param>
    /// <param name="cancellationToken">Cancels the move.</param>
    /// <returns>The moved message, or <see langword="null"/> when there is no such message.</returns>
    public ValueTask<VoicemailMessage?> TrashAsync(MailboxId mailbox, VoicemailMessageId id, CancellationToken cancellationToken = default) =>
        _store.MoveAsync(mailbox, id, VoicemailFolder.Trash, cancellationToken);

    /// <summary>Restores a message from trash to saved.</summary>
    /// <param name="mailbox">The mailbox.</param>
    /// <param name="id">The message.</param>
    /// <param name="cancellationToken">Cancels the move.</param>
    /// <returns>The restored message, or <see langword="null"/> when there is no such message.</returns>
    public ValueTask<VoicemailMessage?> RestoreAsync(MailboxId mailbox, VoicemailMessageId id, CancellationToken cancellationToken = default) =>
        _store.MoveAsync(mailbox, id, VoicemailFolder.Saved, cancellationToken);

    /// <summary>Deletes a message permanently.</summary>
    /// <param name="mailbox">The mailbox.</param>
    /// <param name="id">The message.</param>
    /// <param name="cancellationToken">Cancels the deletion.</param>
    /// <returns><see langword="true"/> when a message was deleted.</returns>
    public ValueTask<bool> DeleteAsync(MailboxId mailbox, VoicemailMessageId id, CancellationToken cancellationToken = default) =>
        _store.DeleteAsync(mailbox, id, cancellationToken);

    /// <summary>Forwards a copy of a message to another extension's mailbox, where it arrives as new.</summary>
    /// <param name="from">The mailbox holding the message.</param>
    /// <param name="id">The message.</param>
    /// <param name="to">The mailbox to copy it to.</param>
    /// <param name="cancellationToken">Cancels the forward.</param>
    /// <returns>The copy, or <see langword="null"/> when there is no such message.</returns>
    /// <exception cref="VoicemailQuotaException">The receiving mailbox is full.</exception>
    public async Task<VoicemailMessage?> ForwardAsync(MailboxId from, VoicemailMessageId id, MailboxId to, CancellationToken cancellationToken = default)
    {
        var counts = await _store.CountsAsync(to, cancellationToken).ConfigureAwait(false);
        if (counts.Total >= _options.MaxMessages)
        {
            throw new VoicemailQuotaException(to, $"The mailbox is full ({counts.Total} of {_options.MaxMessages} messages, trash included).");
        }

        return await _store.ForwardAsync(from, id, to, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens a message's audio for playing or downloading.</summary>
    /// <param name="mailbox">The mailbox.</param>
    /// <param name="id">The message.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>A read-only stream of the WAV file, or <see langword="null"/> when there is no such message.</returns>
    public ValueTask<Stream?> DownloadAsync(MailboxId mailbox, VoicemailMessageId id, CancellationToken cancellationToken = default) =>
        _store.OpenAudioAsync(mailbox, id, cancellationToken);

    private async Task<VoicemailNotificationOutcome> NotifyAsync(VoicemailMessage message, VoicemailSettings settings)
    {
        if (settings.Notification == EmailNotification.Off || settings.EmailAddresses.IsDefaultOrEmpty)
        {
            return VoicemailNotificationOutcome.NotWanted;
        }

        var kind = settings.Notification switch
        {
            EmailNotification.Hyperlink => VoicemailEmailKind.Hyperlink,
            EmailNotification.BriefHyperlink => VoicemailEmailKind.BriefHyperlink,
            EmailNotification.Attachment => VoicemailEmailKind.Attachment,
            _ => VoicemailEmailKind.BriefAttachment,
        };
        var mailbox = message.Mailbox;
        var id = message.Id;
        try
        {
            var email = await _emails.BuildAsync(new VoicemailNotification
            {
                Extension = mailbox.ToString(),
                Recipients = settings.EmailAddresses,
                MessageId = id.ToString(),
                CallerNumber = message.CallerNumber,
                CallerName = message.CallerName,
                ReceivedAt = message.ReceivedAt,
                TimeZone = _zone,
                Duration = message.Duration,
                Kind = kind,
                Audio = new VoicemailAudio(
                    async ct => await _store.OpenAudioAsync(mailbox, id, ct).ConfigureAwait(false)
                        ?? throw new InvalidOperationException($"The audio of message {id} is gone."),
                    $"voicemail-{id}.wav"),
            }).ConfigureAwait(false);
            await _sender.SendAsync(email).ConfigureAwait(false);
            return VoicemailNotificationOutcome.Sent;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ArgumentException)
        {
            Log.NotificationFailed(_logger, mailbox.ToString(), id.ToString(), ex);
            return VoicemailNotificationOutcome.Failed;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "The e-mail for voicemail {MessageId} of mailbox {Mailbox} could not be sent; the message stays new")]
        public static partial void NotificationFailed(ILogger logger, string mailbox, string messageId, Exception exception);
    }

    private async Task<ReadOnlyMemory<byte>> ReadLimitedAsync(MailboxId mailbox, Stream wav, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await wav.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > _options.MaxAudioBytes)
            {
                throw new VoicemailQuotaException(mailbox, $"The recording is larger than {_options.MaxAudioBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
