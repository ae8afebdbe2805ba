using NodaTime;

namespace K7.Sip.Devices;

/// <summary>
/// The devices of every user (the portal's Phones page) and their live status: registered or not, from where, and
/// whether they answer OPTIONS.
/// </summary>
/// <remarks>
/// <para>Devices are keyed by name (extension plus suffix), compared case-insensitively: a user cannot have both
/// <c>wp</c> and <c>WP</c>, and no two users' devices can share a name. The list is loaded from the
/// <see cref="IDeviceStore"/> at construction and saved after every change; a failed save leaves the registry
/// unchanged.</para>
/// <para>Live status is kept in memory only and keyed by device name. Status calls for a name that is not a
/// device are ignored and return <see langword="false"/>: the registrar decides separately whether to accept such
/// registrations. Removing a device drops its status without an event. A registration whose
/// <see cref="DeviceRegistration.ExpiresAt"/> has passed counts as not registered in <see cref="GetStatus"/> even
/// before <see cref="ExpireRegistrations"/> raises its <see cref="DeviceStatusChangeKind.Expired"/> event.</para>
/// <para>This class is thread-safe. <see cref="StatusChanged"/> is raised after the change, outside the lock, on the
/// thread that made it; handlers on different threads may see events out of order.</para>
/// </remarks>
public sealed class DeviceRegistry
{
    private readonly IDeviceStore _store;
    private readonly IClock _clock;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Device> _devices = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DeviceStatus> _statuses = new(StringComparer.OrdinalIgnoreCase);
    private List<Device> _ordered;

    /// <summary>Initializes a new instance of the <see cref="DeviceRegistry"/> class and loads the devices.</summary>
    /// <param name="store">Where the device list is kept.</param>
    /// <param name="clock">The clock for status times.</param>
    /// <exception cref="DeviceValidationException">Two stored devices have the same name.</exception>
    public DeviceRegistry(IDeviceStore store, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        _store = store;
        _clock = clock;
        _ordered = [];
        var loaded = store.Load();
        for (var i = 0; i < loaded.Count; i++)
        {
            var device = loaded[i] ?? throw new DeviceValidationException($"[{i}]", "The stored device is null.", null);
            if (!_devices.TryAdd(device.Name, device))
            {
                throw new DeviceValidationException($"[{i}].{nameof(Device.Name)}", $"The device name '{device.Name}' is stored twice.", null);
            }

            _ordered.Add(device);
        }
    }

    /// <summary>Raised when a device's live status changes.</summary>
    public event EventHandler<DeviceStatusChangedEventArgs>? StatusChanged;

    /// <summary>Gets the number of devices.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _ordered.Count;
            }
        }
    }

    /// <summary>Gets a snapshot of every device, in the order they were added.</summary>
    /// <returns>The devices.</returns>
    public IReadOnlyList<Device> ListAll()
    {
        lock (_lock)
        {
            return [.. _ordered];
        }
    }

    /// <summary>Adds a device.</summary>
    /// <param name="device">The device.</param>
    /// <exception cref="DeviceValidationException">The user already has a device with that suffix (in any letter case), or another device has that name.</exception>
    public void Add(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        lock (_lock)
        {
            if (_devices.TryGetValue(device.Name, out var existing))
            {
                throw existing.Extension == device.Extension
                    ? new DeviceValidationException(nameof(Device.Suffix), $"Extension {device.Extension} already has a device with the suffix '{existing.Suffix}'.", null)
                    : new DeviceValidationException(nameof(Device.Name), $"The name '{device.Name}' is already used by a device of extension {existing.Extension}.", null);
            }

            List<Device> next = [.. _ordered, device];
            _store.Save(next);
            _ordered = next;
            _devices.Add(device.Name, device);
        }
    }

    /// <summary>Changes a device's editable fields (model, preferred server, MAC address, line number, description).</summary>
    /// <param name="name">The device name.</param>
    /// <param name="change">Returns the changed device, usually through the <c>With…</c> methods; runs under the registry's lock, so keep it short.</param>
    /// <returns>The changed device, or <see langword="null"/> when there is no such device.</returns>
    /// <exception cref="DeviceValidationException">The change alters the extension or suffix.</exception>
    public Device? Update(string name, Func<Device, Device> change)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(change);
        lock (_lock)
        {
            if (!_devices.TryGetValue(name, out var current))
            {
                return null;
            }

            var updated = change(current) ?? throw new InvalidOperationException("The change returned no device.");
            if (!string.Equals(updated.Extension, current.Extension, StringComparison.Ordinal))
            {
                throw new DeviceValidationException(nameof(Device.Extension), "A device cannot move to another extension; remove it and add a new one.", null);
            }

            if (!string.Equals(updated.Suffix, current.Suffix, StringComparison.Ordinal))
            {
                throw new DeviceValidationException(nameof(Device.Suffix), "The suffix cannot be changed after the device is created.", null);
            }

            List<Device> next = [.. _ordered];
            next[next.IndexOf(current)] = updated;
            _store.Save(next);
            _ordered = next;
            _devices[current.Name] = updated;
            return updated;
        }
    }

    /// <summary>Removes a device and forgets its status.</summary>
    /// <param name="name">The device name.</param>
    /// <returns><see langword="true"/> when the device existed.</returns>
    public bool Remove(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_lock)
        {
            if (!_devices.TryGetValue(name, out var current))
            {
                return false;
            }

            List<Device> next = [.. _ordered];
            next.Remove(current);
            _store.Save(next);
            _ordered = next;
            _devices.Remove(current.Name);
            _statuses.Remove(current.Name);
            return true;
        }
    }

    /// <summary>Finds a device by name (case-insensitive).</summary>
    /// <param name="name">The device name (<c>202wp</c>).</param>
    /// <returns>The device, or <see langword="null"/>.</returns>
    public Device? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_lock)
        {
            return _devices.GetValueOrDefault(name);
        }
    }

    /// <summary>Lists a user's devices: the main device first, then by suffix.</summary>
    /// <param name="extension">The user's extension.</param>
    /// <returns>The devices; empty when the user has none.</returns>
    public IReadOnlyList<Device> ListForUser(string extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        List<Device> result = [];
        lock (_lock)
        {
            foreach (var device in _ordered)
            {
                if (device.Extension == extension)
                {
                    result.Add(device);
                }
            }
        }

        result.Sort(static (a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Suffix, b.Suffix));
        return result;
    }

    /// <summary>Gets a device's live status.</summary>
    /// <param name="name">The device name.</param>
    /// <returns>The status, or <see langword="null"/> when there is no such device.</returns>
    public DeviceStatus? GetStatus(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var now = _clock.GetCurrentInstant();
        lock (_lock)
        {
            if (!_devices.TryGetValue(name, out var device))
            {
                return null;
            }

            if (!_statuses.TryGetValue(device.Name, out var status))
            {
                return new DeviceStatus(device.Name, null, false, null);
            }

            return status.Registration is { } registration && registration.ExpiresAt <= now
                ? status with { Registration = null, IsReachable = false }
                : status;
        }
    }

    /// <summary>Records a successful registration (or refresh) of a device.</summary>
    /// <param name="deviceName">The device name (the user part of the address of record).</param>
    /// <param name="registration">What the registrar learned.</param>
    /// <returns><see langword="false"/> when there is no such device (nothing is recorded).</returns>
    /// <remarks>Raises <see cref="DeviceStatusChangeKind.Registered"/>, or <see cref="DeviceStatusChangeKind.Refreshed"/>
    /// when the device was already registered. A new registration counts as reachable.</remarks>
    public bool SetRegistration(string deviceName, DeviceRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(deviceName);
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentException.ThrowIfNullOrEmpty(registration.ContactUri, nameof(registration));
        ArgumentNullException.ThrowIfNull(registration.RemoteAddress, nameof(registration));
        if (registration.ExpiresAt < registration.RegisteredAt)
        {
            throw new ArgumentException("The registration expires before it was made.", nameof(registration));
        }

        var now = _clock.GetCurrentInstant();
        DeviceStatusChangedEventArgs args;
        lock (_lock)
        {
            if (!_devices.TryGetValue(deviceName, out var device))
            {
                return false;
            }

            var wasRegistered = _statuses.TryGetValue(device.Name, out var old) && old.Registration is { } r && r.ExpiresAt > now;
            var status = new DeviceStatus(device.Name, registration, wasRegistered ? old!.IsReachable : true, now);
            _statuses[device.Name] = status;
            args = new(wasRegistered ? DeviceStatusChangeKind.Refreshed : DeviceStatusChangeKind.Registered, status);
        }

        StatusChanged?.Invoke(this, args);
        return true;
    }

    /// <summary>Records that a device's registration ended.</summary>
    /// <param name="deviceName">The device name.</param>
    /// <param name="reason">Why it ended.</param>
    /// <returns><see langword="false"/> when there is no such device or it was not registered (no event).</returns>
    public bool ClearRegistration(string deviceName, DeviceStatusReason reason)
    {
        ArgumentNullException.ThrowIfNull(deviceName);
        if (!Enum.IsDefined(reason))
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown reason.");
        }

        DeviceStatusChangedEventArgs args;
        lock (_lock)
        {
            if (!_devices.TryGetValue(deviceName, out var device) || !_statuses.TryGetValue(device.Name, out var old) || old.Registration is null)
            {
                return false;
            }

            args = Clear(device.Name, reason);
        }

        StatusChanged?.Invoke(this, args);
        return true;
    }

    /// <summary>Records the result of an OPTIONS qualify of a registered device.</summary>
    /// <param name="deviceName">The device name.</param>
    /// <param name="reachable">Whether the device answered.</param>
    /// <returns><see langword="false"/> when there is no such device or it is not registered (nothing is recorded).</returns>
    /// <remarks>Raises <see cref="DeviceStatusChangeKind.Reachable"/> or <see cref="DeviceStatusChangeKind.Unreachable"/> only when the value changes.</remarks>
    public bool SetReachable(string deviceName, bool reachable)
    {
        ArgumentNullException.ThrowIfNull(deviceName);
        var now = _clock.GetCurrentInstant();
        DeviceStatusChangedEventArgs? args = null;
        lock (_lock)
        {
            if (!_devices.TryGetValue(deviceName, out var device) || !_statuses.TryGetValue(device.Name, out var old) ||
                old.Registration is null || old.Registration.ExpiresAt <= now)
            {
                return false;
            }

            if (old.IsReachable != reachable)
            {
                var status = old with { IsReachable = reachable, LastChanged = now };
                _statuses[device.Name] = status;
                args = new(reachable ? DeviceStatusChangeKind.Reachable : DeviceStatusChangeKind.Unreachable, status);
            }
        }

        if (args is not null)
        {
            StatusChanged?.Invoke(this, args);
        }

        return true;
    }

    /// <summary>Ends every registration whose expiry time has passed, raising <see cref="DeviceStatusChangeKind.Expired"/> for each.</summary>
    /// <returns>The number of registrations that expired.</returns>
    /// <remarks>Call it from the registrar's timer (every few seconds).</remarks>
    public int ExpireRegistrations()
    {
        var now = _clock.GetCurrentInstant();
        List<DeviceStatusChangedEventArgs>? expired = null;
        lock (_lock)
        {
            List<string>? names = null;
            foreach (var pair in _statuses)
            {
                if (pair.Value.Registration is { } registration && registration.ExpiresAt <= now)
                {
                    (names ??= []).Add(pair.Key);
                }
            }

            if (names is not null)
            {
                expired = [];
                foreach (var name in names)
                {
                    expired.Add(Clear(name, DeviceStatusReason.Expired));
                }
            }
        }

        if (expired is null)
        {
            return 0;
        }

        foreach (var args in expired)
        {
            StatusChanged?.Invoke(this, args);
        }

        return expired.Count;
    }

    private DeviceStatusChangedEventArgs Clear(string name, DeviceStatusReason reason)
    {
        var status = new DeviceStatus(name, null, false, _clock.GetCurrentInstant());
        _statuses[name] = status;
        return new(reason == DeviceStatusReason.Expired ? DeviceStatusChangeKind.Expired : DeviceStatusChangeKind.Unregistered, status);
    }
}
