using System.Collections.Immutable;

namespace K7.TimeFrames;

/// <summary>One or more wall-clock date-time intervals (portal section 7.1.2), each optionally recurring.</summary>
/// <remarks>
/// The portal limits recurrence when there are several intervals; the rule enforced here: with one interval any
/// <see cref="DateRecurrence"/> is allowed; with several, each interval either does not recur or recurs
/// <see cref="DateFrequency.Yearly"/> every year without a count (ending never or on a date), and no two intervals overlap.
/// <see cref="Intervals"/> is value-compared (in order).
/// </remarks>
public sealed record SpecificDatesDefinition : TimeFrameDefinition
{
    /// <summary>Initializes a new instance of the <see cref="SpecificDatesDefinition"/> class.</summary>
    /// <param name="intervals">The intervals.</param>
    public SpecificDatesDefinition(params ReadOnlySpan<SpecificDateInterval> intervals) => Intervals = [.. intervals];

    /// <inheritdoc/>
    public override TimeFrameKind Kind => TimeFrameKind.SpecificDates;

    /// <summary>Gets the intervals.</summary>
    public ImmutableArray<SpecificDateInterval> Intervals { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <inheritdoc/>
    public bool Equals(SpecificDatesDefinition? other) => other is not null && Sequence.Equal(Intervals, other.Intervals);

    /// <inheritdoc/>
    public override int GetHashCode() => Sequence.Hash(Intervals);
}
