using System.Collections.Immutable;
using System.Text.Json;
using K7.SampleHost.Storage;
using K7.Voicemail.Audio;
using NodaTime;

namespace K7.SampleHost.Music;

/// <summary>
/// Each user's music on hold under <c>music/&lt;extension&gt;/</c>: the audio files (<c>&lt;id&gt;.wav</c> or
/// <c>.mp3</c>) and <c>index.json</c> (the music list, the messages, their order and the settings). An added file is
/// written before the index that names it, and a removed one is dropped from the index before its file is deleted, so
/// the index never names a missing file; a crash between the two steps leaves an orphan file, which
/// <see cref="RemoveOrphans"/> deletes at the next start.
/// </summary>
internal sealed class MusicOnHoldStore : IDisposable
{
    /// <summary>The default of "seconds between messages".</summary>
    public const int DefaultSecondsBetweenMessages = 15;

    /// <summary>The fewest seconds between messages.</summary>
    public const int MinSecondsBetweenMessages = 5;

    /// <summary>The most seconds between messages.</summary>
    public const int MaxSecondsBetweenMessages = 600;

    /// <summary>The largest audio file accepted (20 MiB).</summary>
    public const long MaxFileBytes = 20 * 1024 * 1024;

    /// <summary>The most music tracks, and the most messages, per user.</summary>
    public const int MaxItems = 50;

    /// <summary>The longest name of a track or message.</summary>
    public const int MaxNameLength = 64;

    private const string IndexFileName = "index.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly string _root;
    private readonly IClock _clock;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public MusicOnHoldStore(DataFolder data, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(data);
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _root = data.MusicFolder;
        Directory.CreateDirectory(_root);
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>The folder of a user.</summary>
    public string FolderOf(string extension) => Path.Combine(_root, extension);

    /// <summary>The user's music on hold (the defaults when nothing was saved).</summary>
    public MusicOnHold Get(string extension)
    {
        var path = Path.Combine(FolderOf(extension), IndexFileName);
        if (!File.Exists(path))
        {
            return MusicOnHold.Empty;
        }

        try
        {
            return JsonSerializer.Deserialize<MusicOnHold>(File.ReadAllBytes(path), Json) ?? MusicOnHold.Empty;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: the music on hold index is not valid JSON ({e.Message}).", e);
        }
    }

    /// <summary>The path of an item's audio file.</summary>
    public string AudioPath(string extension, MusicItem item) => Path.Combine(FolderOf(extension), item.FileName);

    /// <summary>Adds a track or message: writes the audio (at most <see cref="MaxFileBytes"/>), then the index.</summary>
    /// <param name="extension">The user.</param>
    /// <param name="kind">Music or a message.</param>
    /// <param name="name">The checked name.</param>
    /// <param name="format">The checked format.</param>
    /// <param name="content">The audio, read from its start.</param>
    /// <param name="text">The text it was spoken from, if any.</param>
    /// <param name="cancellationToken">Cancels the write (nothing is kept then).</param>
    /// <exception cref="InvalidDataException">The audio is larger than the limit; nothing is stored.</exception>
    /// <exception cref="InvalidOperationException">The list is full.</exception>
    public async Task<MusicItem> AddAsync(string extension, MusicKind kind, string name, AudioFormat format, Stream content, string? text, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = Get(extension);
            if (current.List(kind).Length >= MaxItems)
            {
                throw new InvalidOperationException($"There are already {MaxItems} items; delete one first.");
            }

            var id = Guid.NewGuid();
            var fileName = id.ToString("N") + (format == AudioFormat.Mp3 ? ".mp3" : ".wav");
            var size = await AtomicFile.WriteAsync(Path.Combine(FolderOf(extension), fileName), content, MaxFileBytes, cancellationToken).ConfigureAwait(false);
            var item = new MusicItem(id, name, fileName, format == AudioFormat.Mp3 ? "mp3" : "wav", size, _clock.GetCurrentInstant(), text);
            try
            {
                Save(extension, current.With(kind, current.List(kind).Add(item)));
            }
            catch
            {
                File.Delete(Path.Combine(FolderOf(extension), fileName));
                throw;
            }

            return item;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Changes the index (rename, reorder, settings) all at once; <paramref name="change"/> returns null to change nothing.</summary>
    public async Task<MusicOnHold?> UpdateAsync(string extension, Func<MusicOnHold, MusicOnHold?> change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (change(Get(extension)) is not { } next)
            {
                return null;
            }

            Save(extension, next);
            return next;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Copies a message (a new file, then the index); null when there is no such message.</summary>
    public async Task<MusicItem?> DuplicateAsync(string extension, Guid id, string name, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = Get(extension);
            var index = current.Messages.FindIndex(m => m.Id == id);
            if (index < 0)
            {
                return null;
            }

            if (current.Messages.Length >= MaxItems)
            {
                throw new InvalidOperationException($"There are already {MaxItems} messages; delete one first.");
            }

            var source = current.Messages[index];
            var copyId = Guid.NewGuid();
            var copy = source with { Id = copyId, Name = name, FileName = copyId.ToString("N") + "." + source.Format, AddedAt = _clock.GetCurrentInstant() };
            var target = AudioPath(extension, copy);
            var input = new FileStream(AudioPath(extension, source), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            await using (input.ConfigureAwait(false))
            {
                await AtomicFile.WriteAsync(target, input, MaxFileBytes, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                Save(extension, current with { Messages = current.Messages.Insert(index + 1, copy) });
            }
            catch
            {
                File.Delete(target);
                throw;
            }

            return copy;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Removes a track or message: the index first, then its file. False when there is no such item.</summary>
    public async Task<bool> DeleteAsync(string extension, MusicKind kind, Guid id, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = Get(extension);
            var list = current.List(kind);
            var index = list.FindIndex(m => m.Id == id);
            if (index < 0)
            {
                return false;
            }

            Save(extension, current.With(kind, list.RemoveAt(index)));
            File.Delete(AudioPath(extension, list[index]));
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Deletes every file in the users' folders that the index does not name (left by a crash between a file and its index).</summary>
    /// <returns>The deleted files.</returns>
    public IReadOnlyList<string> RemoveOrphans()
    {
        var deleted = new List<string>();
        _gate.Wait();
        try
        {
            foreach (var folder in Directory.EnumerateDirectories(_root))
            {
                var index = Get(Path.GetFileName(folder));
                var named = new HashSet<string>(index.Music.Concat(index.Messages).Select(i => i.FileName), StringComparer.Ordinal) { IndexFileName };
                foreach (var file in Directory.EnumerateFiles(folder))
                {
                    if (!named.Contains(Path.GetFileName(file)))
                    {
                        File.Delete(file);
                        deleted.Add(file);
                    }
                }
            }
        }
        finally
        {
            _gate.Release();
        }

        return deleted;
    }

    private void Save(string extension, MusicOnHold index) =>
        AtomicFile.Write(Path.Combine(FolderOf(extension), IndexFileName), JsonSerializer.SerializeToUtf8Bytes(index, Json));
}

/// <summary>Music or a message.</summary>
internal enum MusicKind
{
    /// <summary>A music track.</summary>
    Music,

    /// <summary>A message that interrupts the music.</summary>
    Message,
}

/// <summary>A user's music on hold, as saved in <c>index.json</c>.</summary>
internal sealed record MusicOnHold(bool Randomize, int SecondsBetweenMessages, ImmutableArray<MusicItem> Music, ImmutableArray<MusicItem> Messages)
{
    public static MusicOnHold Empty { get; } = new(false, MusicOnHoldStore.DefaultSecondsBetweenMessages, [], []);

    public ImmutableArray<MusicItem> List(MusicKind kind) => (kind == MusicKind.Music ? Music : Messages) is { IsDefault: false } list ? list : [];

    public MusicOnHold With(MusicKind kind, ImmutableArray<MusicItem> list) => kind == MusicKind.Music ? this with { Music = list } : this with { Messages = list };
}

/// <summary>A music track or message: its audio is <see cref="FileName"/> in the user's folder.</summary>
internal sealed record MusicItem(Guid Id, string Name, string FileName, string Format, long Size, Instant AddedAt, string? Text);

/// <summary>Helpers on item lists.</summary>
internal static class MusicItemList
{
    public static int FindIndex(this ImmutableArray<MusicItem> list, Func<MusicItem, bool> match)
    {
        for (var i = 0; i < list.Length; i++)
        {
            if (match(list[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
