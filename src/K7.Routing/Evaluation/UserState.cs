namespace K7.Routing;

/// <summary>The called user's live state, which some forwarding rules depend on.</summary>
/// <param name="ActiveCalls">How many calls the user is on right now, on any device ("on active").</param>
/// <param name="RegisteredDevices">How many of the user's devices are registered; 0 means offline.</param>
public readonly record struct UserState(int ActiveCalls, int RegisteredDevices)
{
    /// <summary>Gets a value indicating whether the user has no registered device.</summary>
    public bool IsOffline => RegisteredDevices <= 0;

    /// <summary>Gets a value indicating whether the user is on at least one call.</summary>
    public bool IsOnActiveCall => ActiveCalls > 0;
}
