using NodaTime;

namespace K7.Sip.Devices;

/// <summary>A device's live status on the Phones page: the green check or the red cross, and the registration details.</summary>
/// <param name="DeviceName">The device name.</param>
/// <param name="Registration">The current registration, or <see langword="null"/> when not registered.</param>
/// <param name="IsReachable">Whether the device answers OPTIONS (<see langword="false"/> when not registered).</param>
/// <param name="LastChanged">When the status last changed, or <see langword="null"/> when it never has.</param>
public sealed record DeviceStatus(string DeviceName, DeviceRegistration? Registration, bool IsReachable, Instant? LastChanged)
{
    /// <summary>Gets a value indicating whether the device is registered (green check) or not (red cross).</summary>
    public bool IsRegistered => Registration is not null;
}
