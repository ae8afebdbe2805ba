using System.Text;
using K7.Voicemail.Settings;

namespace K7.Voicemail.Greetings;

/// <summary>An <see cref="IGreetingStore"/> in a directory, safe against a crash at any point.</summary>
/// <remarks>
/// <para>Layout: <c>&lt;root&gt;/&lt;extension&gt;/greeting-&lt;id&gt;.json</c> and <c>.audio</c> per greeting,
/// <c>active</c> (the active greeting's id), <c>name.json</c> and <c>name-&lt;id&gt;.audio</c> for the recorded name.
/// File names come from generated ids only; the extension is checked (ASCII letters, digits, '_' and '-') before it
/// names a folder.</para>
/// <para>Every file is written to a temporary file in the same folder, flushed to disk, then renamed over the target,
/// so a reader sees the old or the new content, never a mix. Audio is written before the record that refers to it and
/// deleted after it, so a crash can leave an unreferenced audio file (ignored) but never a record without audio.</para>
/// <para>Thread-safe within one process (writes are serialized); do not share a root between processes.</para>
/// </remarks>
public sealed class FileSystemGreetingStore : IGreetingStore, IDisposable
{
    private const string GreetingPrefix = "greeting-";
    private const string ActiveFile = "active";
    private const string NameFile = "name.json";

    private readonly string _root;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Initializes a new instance of the <see cref="FileSystemGreetingStore"/> class.</summary>
    /// <param name="rootDirectory">The folder that holds one folder per extension; created when missing.</param>
    public FileSystemGreetingStore(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        _root = Path.GetFullPath(rootDirectory);
        Directory.CreateDirectory(_root);
    }

    /// <summary>Gets the full path of the root folder.</summary>
    public string RootDirectory => _root;

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Greeting>> ListGreetingsAsync(string extension, CancellationToken cancellationToken = default)
    {
        var dir = Folder(extension);
        if (!Directory.Exists(dir))
        {
            return [];
        }

        var list = new List<Greeting>();
        foreach (var file in Directory.EnumerateFiles(dir, GreetingPrefix + "*.json"))
        {
            var bytes = await ReadIfExistsAsync(file, cancellationToken).ConfigureAwait(false);
            if (bytes is not null)
            {
                list.Add(GreetingJson.ReadGreeting(bytes));
            }
        }

        list.Sort((a, b) => a.CreatedAt != b.CreatedAt ? a.CreatedAt.CompareTo(b.CreatedAt) : a.Id.CompareTo(b.Id));
        return list;
    }

    /// <inheritdoc/>
    public async Task AddGreetingAsync(Greeting greeting, ReadOnlyMemory<byte> audio, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(greeting);
        var dir = Folder(greeting.Extension);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Directory.CreateDirectory(dir);
            var record = GreetingRecordPath(dir, greeting.Id);
            if (File.Exists(record))
            {
                throw new InvalidOperationException($"Greeting {greeting.Id} already exists.");
            }

            await WriteAtomicAsync(GreetingAudioPath(dir, greeting.Id), audio, cancellationToken).ConfigureAwait(false);
            await WriteAtomicAsync(record, GreetingJson.Write(greeting), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<bool> UpdateGreetingAsync(Greeting greeting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(greeting);
        var dir = Folder(greeting.Extension);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var record = GreetingRecordPath(dir, greeting.Id);
            if (!File.Exists(record))
            {
                return false;
            }

            await WriteAtomicAsync(record, GreetingJson.Write(greeting), cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<bool> DeleteGreetingAsync(string extension, Guid id, CancellationToken cancellationToken = default)
    {
        var dir = Folder(extension);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var record = GreetingRecordPath(dir, id);
            if (!File.Exists(record))
            {
                return false;
            }

            if (await ReadActiveAsync(dir, cancellationToken).ConfigureAwait(false) == id)
            {
                await WriteAtomicAsync(Path.Combine(dir, ActiveFile), ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
            }

            File.Delete(record);
            File.Delete(GreetingAudioPath(dir, id));
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public Task<Stream?> OpenGreetingAudioAsync(string extension, Guid id, CancellationToken cancellationToken = default)
    {
        var dir = Folder(extension);
        return Task.FromResult<Stream?>(File.Exists(GreetingRecordPath(dir, id)) ? OpenIfExists(GreetingAudioPath(dir, id)) : null);
    }

    /// <inheritdoc/>
    public async Task<Guid?> GetActiveGreetingIdAsync(string extension, CancellationToken cancellationToken = default)
    {
        var dir = Folder(extension);
        var id = await ReadActiveAsync(dir, cancellationToken).ConfigureAwait(false);
        return id is { } value && File.Exists(GreetingRecordPath(dir, value)) ? id : null;
    }

    /// <inheritdoc/>
    public async Task<bool> SetActiveGreetingAsync(string extension, Guid? id, CancellationToken cancellationToken = default)
    {
        var dir = Folder(extension);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (id is { } value && !File.Exists(GreetingRecordPath(dir, value)))
            {
                return false;
            }

            Directory.CreateDirectory(dir);
            var text = id is { } v ? v.ToString("N") : string.Empty;
            await WriteAtomicAsync(Path.Combine(dir, ActiveFile), Encoding.ASCII.GetBytes(text), cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<RecordedName?> GetRecordedNameAsync(string extension, CancellationToken cancellationToken = default)
    {
        var bytes = await ReadIfExistsAsync(Path.Combine(Folder(extension), NameFile), cancellationToken).ConfigureAwait(false);
        return bytes is null || bytes.Length == 0 ? null : GreetingJson.ReadRecordedName(bytes);
    }

    /// <inheritdoc/>
    public async Task SetRecordedNameAsync(RecordedName name, ReadOnlyMemory<byte> audio, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var dir = Folder(name.Extension);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Directory.CreateDirectory(dir);
            var old = await GetRecordedNameAsync(name.Extension, cancellationToken).ConfigureAwait(false);
            await WriteAtomicAsync(NameAudioPath(dir, name.Id), audio, cancellationToken).ConfigureAwait(false);
            await WriteAtomicAsync(Path.Combine(dir, NameFile), GreetingJson.Write(name), cancellationToken).ConfigureAwait(false);
            if (old is not null && old.Id != name.Id)
            {
                File.Delete(NameAudioPath(dir, old.Id));
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<bool> DeleteRecordedNameAsync(string extension, CancellationToken cancellationToken = default)
    {
        var dir = Folder(extension);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var old = await GetRecordedNameAsync(extension, cancellationToken).ConfigureAwait(false);
            if (old is null)
            {
                return false;
            }

            File.Delete(Path.Combine(dir, NameFile));
            File.Delete(NameAudioPath(dir, old.Id));
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<Stream?> OpenRecordedNameAudioAsync(string extension, CancellationToken cancellationToken = default)
    {
        var name = await GetRecordedNameAsync(extension, cancellationToken).ConfigureAwait(false);
        return name is null ? null : OpenIfExists(NameAudioPath(Folder(extension), name.Id));
    }

    private string Folder(string extension)
    {
        ExtensionRules.ThrowIfInvalid(extension, nameof(extension));
        return Path.Combine(_root, extension);
    }

    private static string GreetingRecordPath(string dir, Guid id) => Path.Combine(dir, GreetingPrefix + id.ToString("N") + ".json");

    private static string GreetingAudioPath(string dir, Guid id) => Path.Combine(dir, GreetingPrefix + id.ToString("N") + ".audio");

    private static string NameAudioPath(string dir, Guid id) => Path.Combine(dir, "name-" + id.ToString("N") + ".audio");

    private static async Task<Guid?> ReadActiveAsync(string dir, CancellationToken cancellationToken)
    {
        var bytes = await ReadIfExistsAsync(Path.Combine(dir, ActiveFile), cancellationToken).ConfigureAwait(false);
        return bytes is not null && Guid.TryParseExact(Encoding.ASCII.GetString(bytes), "N", out var id) ? id : null;
    }

    private static async Task<byte[]?> ReadIfExistsAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static FileStream? OpenIfExists(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 4096, useAsync: true);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private static async Task WriteAtomicAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
