namespace K7.Routing;

/// <summary>The call-forwarding destinations of an answering rule; <see langword="null"/> means "not set".</summary>
public sealed record CallForwarding
{
    /// <summary>Gets no forwarding at all.</summary>
    public static CallForwarding None { get; } = new();

    /// <summary>Gets where every call goes, instead of ringing.</summary>
    public Destination? Always { get; init; }

    /// <summary>Gets where calls go while the user is already on a call on one or more devices (no call waiting).</summary>
    public Destination? OnActive { get; init; }

    /// <summary>Gets where calls go when the user's line is busy; only with "just ring user's extension".</summary>
    public Destination? WhenBusy { get; init; }

    /// <summary>Gets where calls go when nobody answers within the ring timeout; default voicemail (or disconnect when voicemail is off).</summary>
    public Destination? WhenUnanswered { get; init; }

    /// <summary>Gets where calls go when the user has no registered device.</summary>
    public Destination? WhenOffline { get; init; }

    /// <summary>Gets where calls go under do not disturb; default voicemail (or disconnect when voicemail is off).</summary>
    public Destination? OnDoNotDisturb { get; init; }
}
