using System.Collections.Immutable;
using Microsoft.Extensions.Options;

namespace K7.TimeFrames;

/// <summary>
/// The time frames of one domain: each user's own frames and the domain's system-defined ones, compiled and ready to
/// evaluate. Enforces the portal's rules: names are unique among what a user sees (their own frames and the domain's,
/// compared case-insensitively), a name never changes, and only an office manager edits domain frames.
/// </summary>
/// <remarks>Thread-safe: reads take an immutable snapshot; each change is validated and compiled before it is applied
/// in one step, so a failed change leaves the catalog as it was. Persisting the catalog is the host's choice (see
/// <see cref="Snapshot"/> and <see cref="Load"/>).</remarks>
public sealed class TimeFrameCatalog
{
    private static readonly StringComparer NameComparer = StringComparer.OrdinalIgnoreCase;

    private readonly ITimeFrameCompiler _compiler;
    private readonly TimeFramesOptions _options;
    private readonly Lock _gate = new();
    private ImmutableDictionary<Key, CompiledTimeFrame> _frames = ImmutableDictionary.Create<Key, CompiledTimeFrame>(KeyComparer.Instance);

    /// <summary>Initializes a new instance of the <see cref="TimeFrameCatalog"/> class.</summary>
    /// <param name="compiler">Compiles and checks frames.</param>
    public TimeFrameCatalog(ITimeFrameCompiler compiler)
        : this(compiler, new TimeFramesOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TimeFrameCatalog"/> class.</summary>
    /// <param name="compiler">Compiles and checks frames.</param>
    /// <param name="options">Options.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public TimeFrameCatalog(ITimeFrameCompiler compiler, TimeFramesOptions options)
    {
        ArgumentNullException.ThrowIfNull(compiler);
        ArgumentNullException.ThrowIfNull(options);
        TimeFramesOptionsValidator.ThrowIfInvalid(options);
        _compiler = compiler;
        _options = options;
    }

    /// <summary>Initializes a new instance of the <see cref="TimeFrameCatalog"/> class from dependency injection.</summary>
    /// <param name="compiler">Compiles and checks frames.</param>
    /// <param name="options">Validated options.</param>
    public TimeFrameCatalog(ITimeFrameCompiler compiler, IOptions<TimeFramesOptions> options)
        : this(compiler, options?.Value ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    /// <summary>Raised after a frame is added, replaced or removed, with the frame's owner and name.</summary>
    public event EventHandler<TimeFrameChangedEventArgs>? Changed;

    /// <summary>Gets every frame of the domain, sorted by owner (domain first) and name.</summary>
    public IReadOnlyList<TimeFrame> All =>
        [.. _frames.Values.Select(f => f.Frame).OrderBy(f => f.Owner.UserId ?? string.Empty, StringComparer.Ordinal).ThenBy(f => f.Name, NameComparer)];

    /// <summary>Returns the frames <paramref name="userId"/> sees: their own and the domain's, sorted by name.</summary>
    /// <param name="userId">The user.</param>
    /// <returns>The frames, as the portal's Time Frames page lists them.</returns>
    public IReadOnlyList<CompiledTimeFrame> GetVisible(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return [.. _frames.Values.Where(f => f.Frame.Owner.IsDomain || f.Frame.Owner.UserId == userId).OrderBy(f => f.Frame.Name, NameComparer)];
    }

    /// <summary>Finds the frame named <paramref name="name"/> that <paramref name="userId"/> sees: their own, else the domain's.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="name">The frame's name (case-insensitive).</param>
    /// <returns>The compiled frame, or <see langword="null"/>.</returns>
    public CompiledTimeFrame? Find(string userId, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(name);
        var frames = _frames;
        return frames.GetValueOrDefault(new Key(userId, name)) ?? frames.GetValueOrDefault(new Key(null, name));
    }

    /// <summary>Adds a frame.</summary>
    /// <param name="actor">Who adds it.</param>
    /// <param name="frame">The frame.</param>
    /// <returns>The compiled frame.</returns>
    /// <exception cref="TimeFrameValidationException">The actor may not add frames for that owner, the name is taken, or a
    /// holiday is unknown.</exception>
    public CompiledTimeFrame Add(TimeFrameActor actor, TimeFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        CheckPermission(actor, frame.Owner);
        var compiled = _compiler.Compile(frame);
        lock (_gate)
        {
            CheckNameFree(frame.Owner, frame.Name);
            var count = _frames.Keys.Count(k => k.UserId == frame.Owner.UserId);
            if (count >= _options.MaxFramesPerOwner)
            {
                TimeFrameValidator.Fail("Owner", $"{frame.Owner} already has {count} time frames, the most allowed.");
            }

            _frames = _frames.Add(new Key(frame.Owner.UserId, frame.Name), compiled);
        }

        Changed?.Invoke(this, new TimeFrameChangedEventArgs(frame.Owner, frame.Name, TimeFrameChange.Added));
        return compiled;
    }

    /// <summary>Replaces the definition or time zone of an existing frame. The name and owner cannot change.</summary>
    /// <param name="actor">Who changes it.</param>
    /// <param name="frame">The new frame, with the same owner and name as the one it replaces.</param>
    /// <returns>The compiled frame.</returns>
    /// <exception cref="TimeFrameValidationException">The frame does not exist (a different name is a rename, which is
    /// refused), the actor may not edit it, or a holiday is unknown.</exception>
    public CompiledTimeFrame Update(TimeFrameActor actor, TimeFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        CheckPermission(actor, frame.Owner);
        var compiled = _compiler.Compile(frame);
        var key = new Key(frame.Owner.UserId, frame.Name);
        lock (_gate)
        {
            if (!_frames.TryGetValue(key, out var existing))
            {
                TimeFrameValidator.Fail("Name", $"{frame.Owner} has no time frame named '{frame.Name}'; names cannot be changed, so add a new frame instead.");
            }

            if (!string.Equals(existing.Frame.Name, frame.Name, StringComparison.Ordinal))
            {
                TimeFrameValidator.Fail("Name", $"Names cannot be changed: the frame is named '{existing.Frame.Name}'.");
            }

            _frames = _frames.SetItem(key, compiled);
        }

        Changed?.Invoke(this, new TimeFrameChangedEventArgs(frame.Owner, frame.Name, TimeFrameChange.Updated));
        return compiled;
    }

    /// <summary>Removes a frame.</summary>
    /// <param name="actor">Who removes it.</param>
    /// <param name="owner">The frame's owner.</param>
    /// <param name="name">The frame's name.</param>
    /// <returns><see langword="true"/> when a frame was removed; <see langword="false"/> when there was none.</returns>
    /// <exception cref="TimeFrameValidationException">The actor may not edit frames of <paramref name="owner"/>.</exception>
    public bool Remove(TimeFrameActor actor, TimeFrameOwner owner, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        CheckPermission(actor, owner);
        lock (_gate)
        {
            var key = new Key(owner.UserId, name);
            if (!_frames.ContainsKey(key))
            {
                return false;
            }

            _frames = _frames.Remove(key);
        }

        Changed?.Invoke(this, new TimeFrameChangedEventArgs(owner, name, TimeFrameChange.Removed));
        return true;
    }

    /// <summary>Returns every frame, for persisting (see <see cref="TimeFrameJson"/>).</summary>
    /// <returns>The frames.</returns>
    public IReadOnlyList<TimeFrame> Snapshot() => All;

    /// <summary>Replaces the whole catalog with <paramref name="frames"/>, all or nothing: if any frame is invalid or a name
    /// is duplicated, nothing changes.</summary>
    /// <param name="frames">The frames, for example read back from storage.</param>
    /// <exception cref="TimeFrameValidationException">A frame is invalid; <see cref="TimeFrameValidationException.Field"/>
    /// starts with its position (<c>[3].Definition...</c>).</exception>
    public void Load(IEnumerable<TimeFrame> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var builder = ImmutableDictionary.CreateBuilder<Key, CompiledTimeFrame>(KeyComparer.Instance);
        var perOwner = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var frame in frames)
        {
            if (frame is null)
            {
                TimeFrameValidator.Fail($"[{index}]", "A frame is required.");
            }

            CompiledTimeFrame compiled;
            try
            {
                compiled = _compiler.Compile(frame);
            }
            catch (TimeFrameValidationException e)
            {
                throw new TimeFrameValidationException($"[{index}].{e.Field}", e.Reason, e);
            }

            var key = new Key(frame.Owner.UserId, frame.Name);
            var clash = frame.Owner.IsDomain
                ? builder.Keys.Any(k => NameComparer.Equals(k.Name, frame.Name))
                : builder.ContainsKey(key) || builder.ContainsKey(key with { UserId = null });
            if (clash)
            {
                TimeFrameValidator.Fail($"[{index}].Name", $"The name '{frame.Name}' is used twice among what {frame.Owner} sees.");
            }

            var count = perOwner.GetValueOrDefault(frame.Owner.UserId ?? string.Empty) + 1;
            if (count > _options.MaxFramesPerOwner)
            {
                TimeFrameValidator.Fail($"[{index}].Owner", $"{frame.Owner} would have more than {_options.MaxFramesPerOwner} time frames, the most allowed.");
            }

            perOwner[frame.Owner.UserId ?? string.Empty] = count;
            builder.Add(key, compiled);
            index++;
        }

        lock (_gate)
        {
            _frames = builder.ToImmutable();
        }

        Changed?.Invoke(this, new TimeFrameChangedEventArgs(TimeFrameOwner.Domain, string.Empty, TimeFrameChange.Loaded));
    }

    private static void CheckPermission(TimeFrameActor actor, TimeFrameOwner owner)
    {
        if (actor.UserId is null)
        {
            throw new ArgumentException("An actor is required.", nameof(actor));
        }

        if (!actor.CanEdit(owner))
        {
            var reason = owner.IsDomain
                ? "Domain time frames are system-defined: only an office manager can change them."
                : $"Time frames of {owner} can be changed only by {owner} or an office manager.";
            TimeFrameValidator.Fail("Owner", reason);
        }
    }

    private void CheckNameFree(TimeFrameOwner owner, string name)
    {
        var taken = owner.IsDomain
            ? _frames.Keys.Any(k => NameComparer.Equals(k.Name, name))
            : _frames.ContainsKey(new Key(owner.UserId, name)) || _frames.ContainsKey(new Key(null, name));
        if (taken)
        {
            TimeFrameValidator.Fail("Name", $"A time frame named '{name}' already exists.");
        }
    }

    private readonly record struct Key(string? UserId, string Name);

    private sealed class KeyComparer : IEqualityComparer<Key>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals(Key x, Key y) => string.Equals(x.UserId, y.UserId, StringComparison.Ordinal) && NameComparer.Equals(x.Name, y.Name);

        public int GetHashCode(Key obj) => HashCode.Combine(obj.UserId, NameComparer.GetHashCode(obj.Name));
    }
}
