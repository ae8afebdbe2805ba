using NodaTime;

namespace K7.Voicemail.Storage;

/// <summary>Keeps voicemail in memory, with the same rules as <see cref="FileSystemVoicemailStore"/>: for tests and demos.</summary>
/// <remarks>Thread-safe. Everything is lost when the instance is collected.</remarks>
public sealed class InMemoryVoicemailStore : IVoicemailStore
{
    private readonly IClock _clock;
    private readonly Lock _sync = new();
    private readonly Dictionary<MailboxId, Dictionary<VoicemailMessageId, Entry>> _mailboxes = [];

    /// <summary>Initializes a new instance of the <see cref="InMemoryVoicemailStore"/> class.</summary>
    /// <param name="clock">The clock that stamps new messages and folder changes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is <see langword="null"/>.</exception>
    public InMemoryVoicemailStore(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
    }

    /// <inheritdoc/>
    public async ValueTask<VoicemailMessage> DepositAsync(MailboxId mailbox, VoicemailDeposit deposit, Stream audio, CancellationToken cancellationToken = default)
    {
        VoicemailStoreRules.CheckDeposit(mailbox, deposit, audio);
        using var buffer = new MemoryStream();
        await audio.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        var bytes = buffer.ToArray();
        lock (_sync)
        {
            var messages = GetOrCreate(mailbox);
            var now = _clock.GetCurrentInstant();
            var message = VoicemailStoreRules.NewMessage(NewId(messages, now), mailbox, deposit, bytes.LongLength, now);
            messages.Add(message.Id, new Entry(message, bytes));
            return message;
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<VoicemailMessage>> ListAsync(MailboxId mailbox, VoicemailFolder folder, VoicemailSort sort = VoicemailSort.LatestFirst, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        VoicemailStoreRules.CheckFolder(folder, nameof(folder));
        VoicemailStoreRules.CheckSort(sort, nameof(sort));
        lock (_sync)
        {
            var messages = _mailboxes.GetValueOrDefault(mailbox);
            IReadOnlyList<VoicemailMessage> list = messages is null ? [] : VoicemailStoreRules.List(messages.Values.Select(e => e.Message), folder, sort);
            return ValueTask.FromResult(list);
        }
    }

    /// <inheritdoc/>
    public ValueTask<VoicemailCounts> CountsAsync(MailboxId mailbox, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        lock (_sync)
        {
            var messages = _mailboxes.GetValueOrDefault(mailbox);
            return ValueTask.FromResult(messages is null ? default : VoicemailStoreRules.Count(messages.Values.Select(e => e.Message)));
        }
    }

    /// <inheritdoc/>
    public ValueTask<VoicemailMessage?> GetAsync(MailboxId mailbox, VoicemailMessageId id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        VoicemailStoreRules.CheckId(id, nameof(id));
        lock (_sync)
        {
            return ValueTask.FromResult(Find(mailbox, id)?.Message);
        }
    }

    /// <inheritdoc/>
    public ValueTask<VoicemailMessage?> MoveAsync(MailboxId mailbox, VoicemailMessageId id, VoicemailFolder destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        VoicemailStoreRules.CheckId(id, nameof(id));
        VoicemailStoreRules.CheckFolder(destination, nameof(destination));
        lock (_sync)
        {
            if (Find(mailbox, id) is not { } entry)
            {
                return ValueTask.FromResult<VoicemailMessage?>(null);
            }

            if (entry.Message.Folder == destination)
            {
                return ValueTask.FromResult<VoicemailMessage?>(entry.Message);
            }

            var moved = entry.Message with { Folder = destination, FolderChangedAt = _clock.GetCurrentInstant() };
            _mailboxes[mailbox][id] = entry with { Message = moved };
            return ValueTask.FromResult<VoicemailMessage?>(moved);
        }
    }

    /// <inheritdoc/>
    public ValueTask<bool> DeleteAsync(MailboxId mailbox, VoicemailMessageId id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        VoicemailStoreRules.CheckId(id, nameof(id));
        lock (_sync)
        {
            return ValueTask.FromResult(_mailboxes.TryGetValue(mailbox, out var messages) && messages.Remove(id));
        }
    }

    /// <inheritdoc/>
    public ValueTask<VoicemailMessage?> ForwardAsync(MailboxId from, VoicemailMessageId id, MailboxId recipient, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(recipient);
        VoicemailStoreRules.CheckId(id, nameof(id));
        lock (_sync)
        {
            if (Find(from, id) is not { } entry)
            {
                return ValueTask.FromResult<VoicemailMessage?>(null);
            }

            var messages = GetOrCreate(recipient);
            var now = _clock.GetCurrentInstant();
            var copy = VoicemailStoreRules.ForwardedCopy(entry.Message, NewId(messages, now), recipient, now);
            messages.Add(copy.Id, new Entry(copy, entry.Audio));
            return ValueTask.FromResult<VoicemailMessage?>(copy);
        }
    }

    /// <inheritdoc/>
    public ValueTask<Stream?> OpenAudioAsync(MailboxId mailbox, VoicemailMessageId id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        VoicemailStoreRules.CheckId(id, nameof(id));
        lock (_sync)
        {
            var entry = Find(mailbox, id);
            return ValueTask.FromResult<Stream?>(entry is null ? null : new MemoryStream(entry.Audio, writable: false));
        }
    }

    /// <inheritdoc/>
    public ValueTask<int> PurgeTrashAsync(MailboxId mailbox, Instant? olderThanOrEqual = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        lock (_sync)
        {
            if (!_mailboxes.TryGetValue(mailbox, out var messages))
            {
                return ValueTask.FromResult(0);
            }

            var purgeable = messages.Values.Where(e => VoicemailStoreRules.IsPurgeable(e.Message, olderThanOrEqual)).Select(e => e.Message.Id).ToList();
            foreach (var id in purgeable)
            {
                messages.Remove(id);
            }

            return ValueTask.FromResult(purgeable.Count);
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<MailboxId>> ListMailboxesAsync(CancellationToken cancellationToken = default)
    {
        lock (_sync)
        {
            var list = _mailboxes.Keys.ToList();
            list.Sort(static (a, b) => string.CompareOrdinal(a.Value, b.Value));
            return ValueTask.FromResult<IReadOnlyList<MailboxId>>(list);
        }
    }

    private static VoicemailMessageId NewId(Dictionary<VoicemailMessageId, Entry> messages, Instant now)
    {
        VoicemailMessageId id;
        do
        {
            id = VoicemailMessageId.New(now);
        }
        while (messages.ContainsKey(id));
        return id;
    }

    private Dictionary<VoicemailMessageId, Entry> GetOrCreate(MailboxId mailbox)
    {
        if (!_mailboxes.TryGetValue(mailbox, out var messages))
        {
            messages = [];
            _mailboxes.Add(mailbox, messages);
        }

        return messages;
    }

    private Entry? Find(MailboxId mailbox, VoicemailMessageId id) =>
        _mailboxes.TryGetValue(mailbox, out var messages) ? messages.GetValueOrDefault(id) : null;

    private sealed record Entry(VoicemailMessage Message, byte[] Audio);
}
