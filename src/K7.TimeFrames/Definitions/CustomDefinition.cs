using System.Collections.Immutable;

namespace K7.TimeFrames;

/// <summary>The union of child definitions (portal section 7.1.4): active whenever any child is.</summary>
/// <remarks>Children are <see cref="DaysOfWeekDefinition"/>, <see cref="SpecificDatesDefinition"/> or
/// <see cref="HolidaysDefinition"/>; never Always or Custom. <see cref="Children"/> is value-compared (in order).</remarks>
public sealed record CustomDefinition : TimeFrameDefinition
{
    /// <summary>Initializes a new instance of the <see cref="CustomDefinition"/> class.</summary>
    /// <param name="children">The child definitions.</param>
    public CustomDefinition(params ReadOnlySpan<TimeFrameDefinition> children) => Children = [.. children];

    /// <inheritdoc/>
    public override TimeFrameKind Kind => TimeFrameKind.Custom;

    /// <summary>Gets the child definitions.</summary>
    public ImmutableArray<TimeFrameDefinition> Children { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <inheritdoc/>
    public bool Equals(CustomDefinition? other) => other is not null && Sequence.Equal(Children, other.Children);

    /// <inheritdoc/>
    public override int GetHashCode() => Sequence.Hash(Children);
}
