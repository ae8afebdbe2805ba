using K7.SampleHost.Storage;
using K7.TimeFrames;

namespace K7.SampleHost.TimeFrames;

/// <summary>
/// The <see cref="TimeFrameCatalog"/> of the domain and its users, saved in <c>timeframes.json</c> (the K7.TimeFrames
/// JSON list format). Every change goes through the catalog (which checks permission and validity), is saved
/// atomically, and is undone in memory when the save fails: nothing is half-applied.
/// </summary>
public sealed class TimeFrameStore
{
    private readonly TimeFrameCatalog _catalog;
    private readonly string _path;
    private readonly Lock _gate = new();

    /// <summary>Initializes a new instance of the <see cref="TimeFrameStore"/> class.</summary>
    public TimeFrameStore(DataFolder data, TimeFrameCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(data);
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _path = data.TimeFramesFile;
    }

    /// <summary>The catalog (read it freely; change it through this store).</summary>
    public TimeFrameCatalog Catalog => _catalog;

    /// <summary>Loads the saved frames into the catalog (at start, before the answering rules).</summary>
    /// <exception cref="InvalidDataException">The file does not hold valid time frames; the message says where.</exception>
    public void Load()
    {
        if (!File.Exists(_path))
        {
            return;
        }

        try
        {
            _catalog.Load(TimeFrameJson.DeserializeList(File.ReadAllBytes(_path)));
        }
        catch (Exception e) when (e is TimeFrameFormatException or TimeFrameValidationException)
        {
            throw new InvalidDataException($"{_path}: {e.Message}", e);
        }
    }

    /// <summary>Adds a frame and saves.</summary>
    public CompiledTimeFrame Add(TimeFrameActor actor, TimeFrame frame) => Change(() => _catalog.Add(actor, frame));

    /// <summary>Replaces a frame (same owner and name) and saves.</summary>
    public CompiledTimeFrame Update(TimeFrameActor actor, TimeFrame frame) => Change(() => _catalog.Update(actor, frame));

    /// <summary>Removes a frame and saves.</summary>
    /// <returns>Whether there was such a frame.</returns>
    public bool Remove(TimeFrameActor actor, TimeFrameOwner owner, string name) => Change(() => _catalog.Remove(actor, owner, name));

    /// <summary>Replaces every frame (used to seed the demo domain) and saves.</summary>
    public void Replace(IEnumerable<TimeFrame> frames) => Change(() =>
    {
        _catalog.Load(frames);
        return true;
    });

    private T Change<T>(Func<T> change)
    {
        lock (_gate)
        {
            var before = _catalog.Snapshot();
            var result = change();
            try
            {
                AtomicFile.Write(_path, TimeFrameJson.SerializeListToUtf8Bytes(_catalog.Snapshot(), indented: true));
            }
            catch
            {
                _catalog.Load(before);
                throw;
            }

            return result;
        }
    }
}
