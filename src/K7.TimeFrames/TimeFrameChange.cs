namespace K7.TimeFrames;

/// <summary>What happened to a time frame in a <see cref="TimeFrameCatalog"/>.</summary>
public enum TimeFrameChange
{
    /// <summary>A frame was added.</summary>
    Added,

    /// <summary>A frame's definition or time zone was replaced.</summary>
    Updated,

    /// <summary>A frame was removed.</summary>
    Removed,

    /// <summary>The whole catalog was replaced by <see cref="TimeFrameCatalog.Load"/>.</summary>
    Loaded,
}
