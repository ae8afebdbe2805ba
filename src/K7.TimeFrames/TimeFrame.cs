using NodaTime;

namespace K7.TimeFrames;

/// <summary>A named, owned time frame in a time zone: the unit a portal lists and an answering rule refers to.</summary>
/// <remarks>
/// <para>Immutable and thread-safe. The constructor validates the whole frame and throws
/// <see cref="TimeFrameValidationException"/> naming the field; a frame that exists is structurally valid. Holiday
/// references are checked against a calendar by <see cref="TimeFrameCompiler.Compile"/> and <see cref="TimeFrameCatalog"/>.</para>
/// <para>The name is fixed once created: <see cref="WithDefinition"/> keeps it, and nothing renames a frame.</para>
/// <para>All local dates and times of the definition are read in <see cref="Zone"/>, the owner's time zone.</para>
/// </remarks>
public sealed class TimeFrame : IEquatable<TimeFrame>
{
    /// <summary>The longest name accepted.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Initializes a new instance of the <see cref="TimeFrame"/> class.</summary>
    /// <param name="name">The name, 1–100 characters, not blank.</param>
    /// <param name="owner">The owner.</param>
    /// <param name="zone">The time zone in which the definition's local times are read.</param>
    /// <param name="definition">When the frame is active.</param>
    /// <exception cref="TimeFrameValidationException">Any part is invalid.</exception>
    public TimeFrame(string name, TimeFrameOwner owner, DateTimeZone zone, TimeFrameDefinition definition)
    {
        TimeFrameValidator.ValidateName(name);
        if (zone is null)
        {
            throw new TimeFrameValidationException(nameof(Zone), "A time zone is required.", null);
        }

        if (definition is null)
        {
            throw new TimeFrameValidationException(nameof(Definition), "A definition is required.", null);
        }

        TimeFrameValidator.Validate(definition, nameof(Definition), calendar: null);
        Name = name;
        Owner = owner;
        Zone = zone;
        Definition = definition;
    }

    /// <summary>Gets the name, fixed once created.</summary>
    public string Name { get; }

    /// <summary>Gets the owner: a user, or the domain.</summary>
    public TimeFrameOwner Owner { get; }

    /// <summary>Gets the time zone of the owner, in which local times are read.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Gets when the frame is active.</summary>
    public TimeFrameDefinition Definition { get; }

    /// <summary>Gets the kind of the frame.</summary>
    public TimeFrameKind Kind => Definition.Kind;

    /// <summary>Returns the same frame (name, owner) with a new definition.</summary>
    /// <param name="definition">The new definition.</param>
    /// <returns>The new frame.</returns>
    /// <exception cref="TimeFrameValidationException">The definition is invalid.</exception>
    public TimeFrame WithDefinition(TimeFrameDefinition definition) => new(Name, Owner, Zone, definition);

    /// <summary>Returns the same frame (name, owner, definition) read in another time zone.</summary>
    /// <param name="zone">The new time zone.</param>
    /// <returns>The new frame.</returns>
    public TimeFrame WithZone(DateTimeZone zone) => new(Name, Owner, zone, Definition);

    /// <inheritdoc/>
    public bool Equals(TimeFrame? other) =>
        other is not null && Name == other.Name && Owner == other.Owner && Zone.Id == other.Zone.Id && Definition.Equals(other.Definition);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TimeFrame);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Owner, Zone.Id, Definition);

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Owner}, {Zone.Id}, {Kind})";
}
