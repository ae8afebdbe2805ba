namespace K7.Sip.Devices;

/// <summary>Data of <see cref="DeviceRegistry.StatusChanged"/>.</summary>
public sealed class DeviceStatusChangedEventArgs : EventArgs
{
    /// <summary>Initializes a new instance of the <see cref="DeviceStatusChangedEventArgs"/> class.</summary>
    /// <param name="kind">What changed.</param>
    /// <param name="status">The status after the change.</param>
    public DeviceStatusChangedEventArgs(DeviceStatusChangeKind kind, DeviceStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        Kind = kind;
        Status = status;
    }

    /// <summary>Gets what changed.</summary>
    public DeviceStatusChangeKind Kind { get; }

    /// <summary>Gets the status after the change.</summary>
    public DeviceStatus Status { get; }

    /// <summary>Gets the device name.</summary>
    public string DeviceName => Status.DeviceName;
}
