namespace K7.Sip.Devices;

/// <summary>Persists the list of devices (not their live status).</summary>
/// <remarks><see cref="DeviceRegistry"/> loads once at construction and saves the whole list after every change,
/// holding its lock; implementations need not be thread-safe on their own.</remarks>
public interface IDeviceStore
{
    /// <summary>Loads every device.</summary>
    /// <returns>The devices, in the order they were saved.</returns>
    IReadOnlyList<Device> Load();

    /// <summary>Replaces the stored devices with <paramref name="devices"/>.</summary>
    /// <param name="devices">Every device.</param>
    void Save(IReadOnlyList<Device> devices);
}
