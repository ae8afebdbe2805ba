namespace K7.Voicemail.Greetings;

/// <summary>An <see cref="IGreetingStore"/> that keeps everything in memory (tests, demos). Thread-safe.</summary>
public sealed class InMemoryGreetingStore : IGreetingStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Box> _boxes = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public Task<IReadOnlyList<Greeting>> ListGreetingsAsync(string extension, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<Greeting> list = _boxes.TryGetValue(extension, out var box)
                ? [.. box.Greetings.Values.Select(e => e.Greeting).OrderBy(g => g.CreatedAt).ThenBy(g => g.Id)]
                : [];
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc/>
    public Task AddGreetingAsync(Greeting greeting, ReadOnlyMemory<byte> audio, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(greeting);
        lock (_lock)
        {
            var box = GetOrAdd(greeting.Extension);
            if (!box.Greetings.TryAdd(greeting.Id, (greeting, audio.ToArray())))
            {
                throw new InvalidOperationException($"Greeting {greeting.Id} already exists.");
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<bool> UpdateGreetingAsync(Greeting greeting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(greeting);
        lock (_lock)
        {
            if (_boxes.TryGetValue(greeting.Extension, out var box) && box.Greetings.TryGetValue(greeting.Id, out var entry))
            {
                box.Greetings[greeting.Id] = (greeting, entry.Audio);
                return Task.FromResult(true);
            }

            return Task.FromResult(false);
        }
    }

    /// <inheritdoc/>
    public Task<bool> DeleteGreetingAsync(string extension, Guid id, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_boxes.TryGetValue(extension, out var box) && box.Greetings.Remove(id))
            {
                if (box.Active == id)
                {
                    box.Active = null;
                }

                return Task.FromResult(true);
            }

            return Task.FromResult(false);
        }
    }

    /// <inheritdoc/>
    public Task<Stream?> OpenGreetingAudioAsync(string extension, Guid id, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<Stream?>(_boxes.TryGetValue(extension, out var box) && box.Greetings.TryGetValue(id, out var entry)
                ? new MemoryStream(entry.Audio, writable: false)
                : null);
        }
    }

    /// <inheritdoc/>
    public Task<Guid?> GetActiveGreetingIdAsync(string extension, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_boxes.TryGetValue(extension, out var box) ? box.Active : null);
        }
    }

    /// <inheritdoc/>
    public Task<bool> SetActiveGreetingAsync(string extension, Guid? id, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var box = GetOrAdd(extension);
            if (id is { } value && !box.Greetings.ContainsKey(value))
            {
                return Task.FromResult(false);
            }

            box.Active = id;
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc/>
    public Task<RecordedName?> GetRecordedNameAsync(string extension, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_boxes.TryGetValue(extension, out var box) ? box.Name?.Name : null);
        }
    }

    /// <inheritdoc/>
    public Task SetRecordedNameAsync(RecordedName name, ReadOnlyMemory<byte> audio, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_lock)
        {
            GetOrAdd(name.Extension).Name = (name, audio.ToArray());
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<bool> DeleteRecordedNameAsync(string extension, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_boxes.TryGetValue(extension, out var box) && box.Name is not null)
            {
                box.Name = null;
                return Task.FromResult(true);
            }

            return Task.FromResult(false);
        }
    }

    /// <inheritdoc/>
    public Task<Stream?> OpenRecordedNameAudioAsync(string extension, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<Stream?>(_boxes.TryGetValue(extension, out var box) && box.Name is { } n
                ? new MemoryStream(n.Audio, writable: false)
                : null);
        }
    }

    private Box GetOrAdd(string extension)
    {
        if (!_boxes.TryGetValue(extension, out var box))
        {
            box = new Box();
            _boxes.Add(extension, box);
        }

        return box;
    }

    private sealed class Box
    {
        public Dictionary<Guid, (Greeting Greeting, byte[] Audio)> Greetings { get; } = [];

        public Guid? Active { get; set; }

        public (RecordedName Name, byte[] Audio)? Name { get; set; }
    }
}
