using System.Collections.Immutable;

namespace K7.TimeFrames;

/// <summary>Holidays (portal section 7.1.3) with the company's observed-holiday rules.</summary>
/// <remarks><see cref="Holidays"/> is value-compared (in order).</remarks>
public sealed record HolidaysDefinition : TimeFrameDefinition
{
    /// <summary>Initializes a new instance of the <see cref="HolidaysDefinition"/> class.</summary>
    /// <param name="holidays">The holidays picked.</param>
    public HolidaysDefinition(params ReadOnlySpan<HolidaySelection> holidays) => Holidays = [.. holidays];

    /// <inheritdoc/>
    public override TimeFrameKind Kind => TimeFrameKind.Holidays;

    /// <summary>Gets the holidays picked.</summary>
    public ImmutableArray<HolidaySelection> Holidays { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets where a holiday that falls on a given weekday is observed.</summary>
    /// <value>Default: <see cref="ObservedHolidayRules.UnitedStates"/> (Saturday to Friday, Sunday to Monday, Monday–Friday work week).</value>
    public ObservedHolidayRules Observed { get; init; } = ObservedHolidayRules.UnitedStates;

    /// <inheritdoc/>
    public bool Equals(HolidaysDefinition? other) =>
        other is not null && Sequence.Equal(Holidays, other.Holidays) && Observed == other.Observed;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Sequence.Hash(Holidays), Observed);
}
