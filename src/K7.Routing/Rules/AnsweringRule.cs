namespace K7.Routing;

/// <summary>One answering rule: what happens to calls while its time frame is active (portal section 6.2).</summary>
/// <remarks>A rule is named by its time frame; the Default rule has none and applies when no other rule does.
/// <see cref="SimultaneousRing"/> <see langword="null"/> means "just ring user's extension".</remarks>
public sealed record AnsweringRule
{
    /// <summary>Gets the name of the time frame during which the rule applies; <see langword="null"/> for the Default rule.</summary>
    public string? TimeFrame { get; init; }

    /// <summary>Gets a value indicating whether the rule is enabled.</summary>
    /// <value>Default: <see langword="true"/>.</value>
    public bool Enabled { get; init; } = true;

    /// <summary>Gets a value indicating whether do not disturb is on: devices do not ring; calls go to the DND
    /// destination, else voicemail, else are disconnected. Allow-listed callers bypass it.</summary>
    /// <value>Default: <see langword="false"/>.</value>
    public bool DoNotDisturb { get; init; }

    /// <summary>Gets a value indicating whether callers record their name before devices ring. Allow-listed callers bypass it.</summary>
    /// <value>Default: <see langword="false"/>.</value>
    public bool CallScreening { get; init; }

    /// <summary>Gets the forwarding destinations.</summary>
    /// <value>Default: <see cref="CallForwarding.None"/>.</value>
    public CallForwarding Forwarding { get; init; } = CallForwarding.None;

    /// <summary>Gets the simultaneous-ring settings, or <see langword="null"/> to just ring the user's extension.</summary>
    /// <value>Default: <see langword="null"/> (just ring user's extension).</value>
    public SimultaneousRing? SimultaneousRing { get; init; }

    /// <summary>Gets a value indicating whether this is the Default rule (it has no time frame).</summary>
    public bool IsDefault => TimeFrame is null;

    /// <summary>Gets the portal's Default rule: enabled, just ring the user's extension, no forwarding.</summary>
    public static AnsweringRule Default { get; } = new();

    /// <summary>Returns a rule for the time frame <paramref name="timeFrame"/>.</summary>
    /// <param name="timeFrame">The time frame's name.</param>
    /// <returns>The rule, enabled, ringing the user's extension.</returns>
    public static AnsweringRule For(string timeFrame)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeFrame);
        return new AnsweringRule { TimeFrame = timeFrame };
    }
}
