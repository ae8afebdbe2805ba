namespace K7.TimeFrames;

/// <summary>A time frame that is always active.</summary>
public sealed record AlwaysDefinition : TimeFrameDefinition
{
    /// <summary>Gets the one instance.</summary>
    public static AlwaysDefinition Instance { get; } = new();

    /// <inheritdoc/>
    public override TimeFrameKind Kind => TimeFrameKind.Always;
}
