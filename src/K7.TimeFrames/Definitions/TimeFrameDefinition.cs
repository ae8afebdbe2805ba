namespace K7.TimeFrames;

/// <summary>When a time frame is active: the base of the five kinds of definition.</summary>
/// <remarks>Only the types of this package derive from it: <see cref="AlwaysDefinition"/>, <see cref="DaysOfWeekDefinition"/>,
/// <see cref="SpecificDatesDefinition"/>, <see cref="HolidaysDefinition"/> and <see cref="CustomDefinition"/>.</remarks>
public abstract record TimeFrameDefinition
{
    private protected TimeFrameDefinition()
    {
    }

    /// <summary>Gets the kind of definition.</summary>
    public abstract TimeFrameKind Kind { get; }
}
