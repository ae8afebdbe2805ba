namespace K7.Sip.Devices;

/// <summary>An <see cref="IDeviceStore"/> that keeps the list in memory (tests, or hosts that persist elsewhere).</summary>
/// <remarks>This class is thread-safe.</remarks>
public sealed class InMemoryDeviceStore : IDeviceStore
{
    private volatile Device[] _devices;

    /// <summary>Initializes a new instance of the <see cref="InMemoryDeviceStore"/> class.</summary>
    /// <param name="devices">The initial devices, or <see langword="null"/> for none.</param>
    public InMemoryDeviceStore(IEnumerable<Device>? devices = null)
    {
        _devices = devices is null ? [] : [.. devices];
        if (Array.IndexOf(_devices, null) >= 0)
        {
            throw new ArgumentException("The list contains a null device.", nameof(devices));
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<Device> Load() => _devices;

    /// <inheritdoc/>
    public void Save(IReadOnlyList<Device> devices)
    {
        ArgumentNullException.ThrowIfNull(devices);
        _devices = [.. devices];
    }
}
