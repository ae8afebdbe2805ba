namespace K7.Sip.Devices;

/// <summary>What changed in a device's live status.</summary>
public enum DeviceStatusChangeKind
{
    /// <summary>The device registered (it was not registered before).</summary>
    Registered,

    /// <summary>A registered device refreshed its registration.</summary>
    Refreshed,

    /// <summary>The registration expired.</summary>
    Expired,

    /// <summary>The device unregistered.</summary>
    Unregistered,

    /// <summary>The device stopped answering OPTIONS.</summary>
    Unreachable,

    /// <summary>The device answers OPTIONS again.</summary>
    Reachable,
}
