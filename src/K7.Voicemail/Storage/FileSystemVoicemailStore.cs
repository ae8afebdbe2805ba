using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace K7.Voicemail.Storage;

/// <summary>
/// Stores voicemail in a folder tree, one folder per mailbox, so that no message is ever lost, duplicated or seen
/// half-written, even when the process is killed in the middle of an operation.
/// </summary>
/// <remarks>
/// <para>Layout under <see cref="RootDirectory"/>:</para>
/// <code>
/// &lt;mailbox&gt;/audio/&lt;id&gt;.audio      the recording, written once, never modified
/// &lt;mailbox&gt;/messages/&lt;id&gt;.json    the metadata, including the folder
/// &lt;mailbox&gt;/.lock                   held (FileShare.None) while the mailbox is written
/// </code>
/// <para>
/// Every file is written to a temporary file in the same folder, flushed to disk, then renamed over its final name,
/// so a reader sees the old content or the new, never a mix. A deposit or a forward writes the audio first and the
/// metadata last: the message exists once its metadata file exists. Moving to another folder rewrites the metadata
/// file only. A deletion removes the metadata first, then the audio.
/// </para>
/// <para>
/// Recovery (on the first use of each mailbox, and on <see cref="RecoverAsync"/>) deletes temporary files and audio
/// files without metadata, and quarantines metadata files that cannot be read or whose audio is missing
/// (renamed to <c>.corrupt</c>, reported and logged, never silently dropped).
/// </para>
/// <para>
/// Listing is served from a per-mailbox index in memory, loaded from the metadata files on first use and kept in
/// step by every write of this instance: listing never reads audio, and after the first load reads no file at all.
/// Writers are serialized per mailbox in the process and, through the lock file, across processes; a store root is
/// meant to be owned by one process at a time (another process's writes are seen after <see cref="RecoverAsync"/>).
/// </para>
/// </remarks>
public sealed class FileSystemVoicemailStore : IVoicemailStore, IDisposable
{
    private const string AudioFolder = "audio";
    private const string MessagesFolder = "messages";
    private const string LockFileName = ".lock";
    private const string AudioExtension = ".audio";
    private const string MetadataExtension = ".json";
    private const string TemporaryExtension = ".tmp";
    private const string CorruptExtension = ".corrupt";
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    private static readonly Action<ILogger, string, Exception?> LogDeletedTemporary =
        LoggerMessage.Define<string>(LogLevel.Information, new EventId(1, "VoicemailTemporaryDeleted"), "Voicemail recovery deleted the unfinished write {Path}.");

    private static readonly Action<ILogger, string, Exception?> LogDeletedOrphan =
        LoggerMessage.Define<string>(LogLevel.Information, new EventId(2, "VoicemailOrphanAudioDeleted"), "Voicemail recovery deleted the audio file {Path}, which belongs to no message.");

    private static readonly Action<ILogger, string, Exception?> LogQuarantined =
        LoggerMessage.Define<string>(LogLevel.Error, new EventId(3, "VoicemailMetadataQuarantined"), "Voicemail recovery quarantined the unreadable metadata file {Path} (renamed to .corrupt).");

    private readonly IClock _clock;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<MailboxId, MailboxState> _mailboxes = new();

    /// <summary>Initializes a new instance of the <see cref="FileSystemVoicemailStore"/> class.</summary>
    /// <param name="rootDirectory">The folder holding the mailboxes; created when missing.</param>
    /// <param name="clock">The clock that stamps new messages and folder changes.</param>
    /// <param name="logger">Logs recovery repairs; optional.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rootDirectory"/> or <paramref name="clock"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="rootDirectory"/> is empty or white space.</exception>
    public FileSystemVoicemailStore(string rootDirectory, IClock clock, ILogger<FileSystemVoicemailStore>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        ArgumentNullException.ThrowIfNull(clock);
        RootDirectory = Path.GetFullPath(rootDirectory);
        _clock = clock;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        Directory.CreateDirectory(RootDirectory);
    }

    /// <summary>Gets the full path of the folder holding the mailboxes.</summary>
    public string RootDirectory { get; }

    /// <inheritdoc/>
    public async ValueTask<VoicemailMessage> DepositAsync(MailboxId mailbox, VoicemailDeposit deposit, Stream audio, CancellationToken cancellationToken = default)
    {
        VoicemailStoreRules.CheckDeposit(mailbox, deposit, audio);
        var state = GetState(mailbox);
        using var lease = await AcquireAsync(state, write: true, cancellationToken).ConfigureAwait(false);
        var index = EnsureLoaded(state);
        var now = _clock.GetCurrentInstant();
        var id = NewId(index, now);
        var audioPath = state.AudioPath(id);
        var size = await WriteAudioAsync(audio, audioPath, cancellationToken).ConfigureAwait(false);
        var message = VoicemailStoreRules.NewMessage(id, mailbox, deposit, size, now);
        CommitNewMessage(state, index, message, audioPath);
        return message;
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<VoicemailMessage>> ListAsync(MailboxId mailbox, VoicemailFolder folder, VoicemailSort sort = VoicemailSort.LatestFirst, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        VoicemailStoreRules.CheckFolder(folder, nameof(folder));
        VoicemailStoreRules.CheckSort(sort, nameof(sort));
        var state = GetState(mailbox);
        using var lease = await AcquireAsync(state, write: false, cancellationToken).ConfigureAwait(false);
        return VoicemailStoreRules.List(EnsureLoaded(state).Values, folder, sort);
    }

    /// <inheritdoc/>
    public async ValueTask<VoicemailCounts> CountsAsync(MailboxId mailbox, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var state = GetState(mailbox);
        using var lease = await AcquireAsync(state, write: false, cancellationToken).ConfigureAwait(false);
        return VoicemailStoreRules.Count(EnsureLoaded(state).Values);
    }

    /// <inheritdoc/>
    public async ValueTask<VoicemailMessage?> GetAsync(MailboxId mailbox, VoicemailMessageId id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        VoicemailStoreRules.CheckId(id, nameof(id));
        var state = GetState(mailbox);
        using var lease = await AcquireAsync(state, write: false, cancellationToken).ConfigureAwait(false);
        return EnsureLoaded(state).GetValueOrDefault(id);
    }

    /// <inheritdoc/>
    public async ValueTask<VoicemailMessage?> MoveAsync(MailboxId mailbox, VoicemailMessageId id, VoicemailFolder destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        VoicemailStoreRules.CheckId(id, nameof(id));
        VoicemailStoreRules.CheckFolder(destination, nameof(destination));
        var state = GetState(mailbox);
        using var lease = await AcquireAsync(state, write: true, cancellationToken).ConfigureAwait(false);
        var index = EnsureLoaded(state);
        if (!index.TryGetValue(id, out var message))
        {
            return null;
        }

        if (message.Folder == destination)
        {
            return message;
        }

        var moved = message with { Folder = destination, FolderChangedAt = _clock.GetCurrentInstant() };
        WriteAtomically(state.MetadataPath(id), VoicemailMetadataSerializer.Serialize(moved));
        index[id] = moved;
        return moved;
    }

    /// <inheritdoc/>
    public async ValueTask<bool> DeleteAsync(MailboxId mailbox, VoicemailMessageId id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        VoicemailStoreRules.CheckId(id, nameof(id));
        var state = GetState(mailbox);
        using var lease = await AcquireAsync(state, write: true, cancellationToken).ConfigureAwait(false);
        var index = EnsureLoaded(state);
        if (!index.ContainsKey(id))
        {
            return false;
        }

        DeleteMessage(state, index, id);
        return true;
    }

    /// <inheritdoc/>
    public async ValueTask<VoicemailMessage?> ForwardAsync(MailboxId from, VoicemailMessageId id, MailboxId recipient, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(recipient);
        VoicemailStoreRules.CheckId(id, nameof(id));
        var source = GetState(from);
        var target = GetState(recipient);

        // Both mailboxes are locked, always in the same order, so two opposite forwards cannot deadlock.
        var (first, second) = string.CompareOrdinal(from.Value, recipient.Value) <= 0 ? (source, target) : (target, source);
        using var firstLease = await AcquireAsync(first, write: true, cancellationToken).ConfigureAwait(false);
        using var secondLease = ReferenceEquals(first, second) ? null : await AcquireAsync(second, write: true, cancellationToken).ConfigureAwait(false);
        if (!EnsureLoaded(source).TryGetValue(id, out var original))
        {
            return null;
        }

        var targetIndex = EnsureLoaded(target);
        var now = _clock.GetCurrentInstant();
        var copyId = NewId(targetIndex, now);
        var audioPath = target.AudioPath(copyId);
        var sourceAudio = new FileStream(source.AudioPath(id), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (sourceAudio.ConfigureAwait(false))
        {
            await WriteAudioAsync(sourceAudio, audioPath, cancellationToken).ConfigureAwait(false);
        }

        var copy = VoicemailStoreRules.ForwardedCopy(original, copyId, recipient, now);
        CommitNewMessage(target, targetIndex, copy, audioPath);
        return copy;
    }

    /// <inheritdoc/>
    public async ValueTask<Stream?> OpenAudioAsync(MailboxId mailbox, VoicemailMessageId id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        VoicemailStoreRules.CheckId(id, nameof(id));
        var state = GetState(mailbox);
        using var lease = await AcquireAsync(state, write: false, cancellationToken).ConfigureAwait(false);
        if (!EnsureLoaded(state).ContainsKey(id))
        {
            return null;
        }

        // FileShare.Delete: a reader never blocks a deletion; the open stream keeps the data until it is disposed.
        return new FileStream(state.AudioPath(id), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 4096, FileOptions.Asynchronous);
    }

    /// <inheritdoc/>
    public async ValueTask<int> PurgeTrashAsync(MailboxId mailbox, Instant? olderThanOrEqual = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var state = GetState(mailbox);
        using var lease = await AcquireAsync(state, write: true, cancellationToken).ConfigureAwait(false);
        var index = EnsureLoaded(state);
        var purgeable = index.Values.Where(m => VoicemailStoreRules.IsPurgeable(m, olderThanOrEqual)).Select(m => m.Id).ToList();
        var count = 0;
        foreach (var id in purgeable)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            DeleteMessage(state, index, id);
            count++;
        }

        return count;
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<MailboxId>> ListMailboxesAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult<IReadOnlyList<MailboxId>>(ScanMailboxes());
    }

    /// <summary>
    /// Checks every mailbox on disk: deletes unfinished writes and orphan audio, quarantines unreadable metadata,
    /// and reloads each mailbox's index from disk.
    /// </summary>
    /// <param name="cancellationToken">Cancels between mailboxes.</param>
    /// <returns>What was found and repaired.</returns>
    public async ValueTask<VoicemailRecoveryReport> RecoverAsync(CancellationToken cancellationToken = default)
    {
        var collector = new RecoveryCollector();
        var mailboxes = ScanMailboxes();
        foreach (var mailbox in mailboxes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var state = GetState(mailbox);
            using var lease = await AcquireAsync(state, write: true, cancellationToken).ConfigureAwait(false);
            state.Index = Recover(state, collector);
        }

        return new VoicemailRecoveryReport(mailboxes.Count, collector.Messages, collector.Temporary, collector.Orphans, collector.Quarantined);
    }

    /// <summary>Releases the per-mailbox locks of this instance.</summary>
    public void Dispose()
    {
        foreach (var state in _mailboxes.Values)
        {
            state.Gate.Dispose();
        }

        _mailboxes.Clear();
    }

    private static VoicemailMessageId NewId(Dictionary<VoicemailMessageId, VoicemailMessage> index, Instant now)
    {
        VoicemailMessageId id;
        do
        {
            id = VoicemailMessageId.New(now);
        }
        while (index.ContainsKey(id));
        return id;
    }

    private static async ValueTask<long> WriteAudioAsync(Stream audio, string finalPath, CancellationToken cancellationToken)
    {
        var temporary = finalPath + TemporaryExtension;
        try
        {
            long size;
            var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await audio.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
                size = stream.Length;
            }

            File.Move(temporary, finalPath, overwrite: true);
            return size;
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void WriteAtomically(string finalPath, byte[] content)
    {
        var temporary = finalPath + TemporaryExtension;
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, finalPath, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void CommitNewMessage(MailboxState state, Dictionary<VoicemailMessageId, VoicemailMessage> index, VoicemailMessage message, string audioPath)
    {
        try
        {
            WriteAtomically(state.MetadataPath(message.Id), VoicemailMetadataSerializer.Serialize(message));
        }
        catch
        {
            TryDelete(audioPath);
            throw;
        }

        index.Add(message.Id, message);
    }

    private static void DeleteMessage(MailboxState state, Dictionary<VoicemailMessageId, VoicemailMessage> index, VoicemailMessageId id)
    {
        // Metadata first: from here on the message does not exist, and a crash leaves only orphan audio.
        File.Delete(state.MetadataPath(id));
        index.Remove(id);
        TryDelete(state.AudioPath(id));
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left for recovery.
        }
        catch (UnauthorizedAccessException)
        {
            // Left for recovery.
        }
    }

    private static async ValueTask<FileStream> OpenLockFileAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = Environment.TickCount64 + (long)LockTimeout.TotalMilliseconds;
        var delay = 1;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException ex) when (Environment.TickCount64 < deadline)
            {
                _ = ex;
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = Math.Min(delay * 2, 50);
            }
            catch (IOException ex)
            {
                throw new IOException($"The voicemail mailbox lock '{path}' is held by another process; gave up after {LockTimeout.TotalSeconds:0} s.", ex);
            }
        }
    }

    private List<MailboxId> ScanMailboxes()
    {
        var list = new List<MailboxId>();
        foreach (var directory in Directory.EnumerateDirectories(RootDirectory))
        {
            var name = Path.GetFileName(directory);
            if (MailboxId.TryParse(name, out var mailbox) && string.Equals(mailbox.Value, name, StringComparison.Ordinal))
            {
                list.Add(mailbox);
            }
        }

        list.Sort(static (a, b) => string.CompareOrdinal(a.Value, b.Value));
        return list;
    }

    private MailboxState GetState(MailboxId mailbox) =>
        _mailboxes.GetOrAdd(mailbox, static (m, root) => new MailboxState(Path.Combine(root, m.Value)), RootDirectory);

    private static async ValueTask<Lease> AcquireAsync(MailboxState state, bool write, CancellationToken cancellationToken)
    {
        await state.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            FileStream? lockFile = null;
            if (write)
            {
                Directory.CreateDirectory(state.AudioDirectory);
                Directory.CreateDirectory(state.MessagesDirectory);
            }

            if (write || (state.Index is null && Directory.Exists(state.Directory)))
            {
                lockFile = await OpenLockFileAsync(state.LockPath, cancellationToken).ConfigureAwait(false);
            }

            return new Lease(state.Gate, lockFile);
        }
        catch
        {
            state.Gate.Release();
            throw;
        }
    }

    private Dictionary<VoicemailMessageId, VoicemailMessage> EnsureLoaded(MailboxState state)
    {
        if (state.Index is { } index)
        {
            return index;
        }

        var collector = new RecoveryCollector();
        index = Directory.Exists(state.Directory) ? Recover(state, collector) : [];
        state.Index = index;
        return index;
    }

    private Dictionary<VoicemailMessageId, VoicemailMessage> Recover(MailboxState state, RecoveryCollector collector)
    {
        var index = new Dictionary<VoicemailMessageId, VoicemailMessage>();
        Directory.CreateDirectory(state.AudioDirectory);
        Directory.CreateDirectory(state.MessagesDirectory);
        var quarantinedIds = new HashSet<string>(StringComparer.Ordinal);

        foreach (var path in Directory.EnumerateFiles(state.MessagesDirectory))
        {
            var name = Path.GetFileName(path);
            if (name.EndsWith(TemporaryExtension, StringComparison.Ordinal))
            {
                File.Delete(path);
                collector.Temporary.Add(path);
                LogDeletedTemporary(_logger, path, null);
                continue;
            }

            if (name.EndsWith(CorruptExtension, StringComparison.Ordinal))
            {
                quarantinedIds.Add(name.Split('.')[0]);
                continue;
            }

            if (!name.EndsWith(MetadataExtension, StringComparison.Ordinal))
            {
                continue;
            }

            var stem = name[..^MetadataExtension.Length];
            try
            {
                var message = ReadMetadata(state, path, stem);
                index.Add(message.Id, message);
                collector.Messages++;
            }
            catch (VoicemailFormatException ex)
            {
                File.Move(path, path + CorruptExtension, overwrite: true);
                quarantinedIds.Add(stem);
                collector.Quarantined.Add(ex);
                LogQuarantined(_logger, path, ex);
            }
        }

        foreach (var path in Directory.EnumerateFiles(state.AudioDirectory))
        {
            var name = Path.GetFileName(path);
            if (name.EndsWith(TemporaryExtension, StringComparison.Ordinal))
            {
                File.Delete(path);
                collector.Temporary.Add(path);
                LogDeletedTemporary(_logger, path, null);
                continue;
            }

            if (!name.EndsWith(AudioExtension, StringComparison.Ordinal))
            {
                continue;
            }

            var stem = name[..^AudioExtension.Length];
            if (VoicemailMessageId.TryParse(stem, out var id) && !index.ContainsKey(id) && !quarantinedIds.Contains(stem))
            {
                File.Delete(path);
                collector.Orphans.Add(path);
                LogDeletedOrphan(_logger, path, null);
            }
        }

        return index;
    }

    private static VoicemailMessage ReadMetadata(MailboxState state, string path, string stem)
    {
        if (!VoicemailMessageId.TryParse(stem, out var id))
        {
            throw new VoicemailFormatException($"The voicemail metadata file '{path}' is not named after a message identifier.", 0, null, path);
        }

        var message = VoicemailMetadataSerializer.Deserialize(File.ReadAllBytes(path), path);
        if (message.Id != id)
        {
            throw new VoicemailFormatException($"The voicemail metadata file '{path}' holds the message {message.Id}, not {id}.", 0, null, path);
        }

        if (!string.Equals(message.Mailbox.Value, Path.GetFileName(state.Directory), StringComparison.Ordinal))
        {
            throw new VoicemailFormatException($"The voicemail metadata file '{path}' belongs to mailbox {message.Mailbox}, not to the folder it is in.", 0, null, path);
        }

        var audio = new FileInfo(state.AudioPath(id));
        if (!audio.Exists)
        {
            throw new VoicemailFormatException($"The voicemail metadata file '{path}' names audio that is missing ('{audio.FullName}').", 0, null, path);
        }

        if (audio.Length != message.AudioSize)
        {
            throw new VoicemailFormatException($"The voicemail metadata file '{path}' says the audio is {message.AudioSize} bytes, but '{audio.FullName}' is {audio.Length}.", 0, null, path);
        }

        return message;
    }

    private sealed class MailboxState(string directory)
    {
        public string Directory { get; } = directory;

        public string AudioDirectory { get; } = Path.Combine(directory, AudioFolder);

        public string MessagesDirectory { get; } = Path.Combine(directory, MessagesFolder);

        public string LockPath { get; } = Path.Combine(directory, LockFileName);

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public Dictionary<VoicemailMessageId, VoicemailMessage>? Index { get; set; }

        public string AudioPath(VoicemailMessageId id) => Path.Combine(AudioDirectory, id.ToString() + AudioExtension);

        public string MetadataPath(VoicemailMessageId id) => Path.Combine(MessagesDirectory, id.ToString() + MetadataExtension);
    }

    private sealed class RecoveryCollector
    {
        public int Messages { get; set; }

        public List<string> Temporary { get; } = [];

        public List<string> Orphans { get; } = [];

        public List<VoicemailFormatException> Quarantined { get; } = [];
    }

    private sealed class Lease(SemaphoreSlim gate, FileStream? lockFile) : IDisposable
    {
        public void Dispose()
        {
            lockFile?.Dispose();
            gate.Release();
        }
    }
}
