namespace K7.Sip.Devices;

/// <summary>Why a device's registration ended.</summary>
public enum DeviceStatusReason
{
    /// <summary>The phone unregistered (REGISTER with <c>Expires: 0</c>).</summary>
    Unregistered,

    /// <summary>The registration expired without a refresh.</summary>
    Expired,
}
