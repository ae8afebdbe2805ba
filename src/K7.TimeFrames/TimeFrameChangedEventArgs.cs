namespace K7.TimeFrames;

/// <summary>Describes a change in a <see cref="TimeFrameCatalog"/>.</summary>
/// <param name="owner">The owner of the frame that changed.</param>
/// <param name="name">The name of the frame that changed; empty for <see cref="TimeFrameChange.Loaded"/>.</param>
/// <param name="change">What happened.</param>
public sealed class TimeFrameChangedEventArgs(TimeFrameOwner owner, string name, TimeFrameChange change) : EventArgs
{
    /// <summary>Gets the owner of the frame that changed.</summary>
    public TimeFrameOwner Owner { get; } = owner;

    /// <summary>Gets the name of the frame that changed.</summary>
    public string Name { get; } = name;

    /// <summary>Gets what happened.</summary>
    public TimeFrameChange Change { get; } = change;
}
