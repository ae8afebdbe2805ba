using K7.Sip.Devices;
using K7.Sip.Registrar;

namespace K7.Sip;

/// <summary>
/// Keeps the device registry's status in step with the bindings: a device is registered while its address-of-record
/// (user part = device name, e.g. <c>202wp</c>) has at least one binding, and shows its most recent binding.
/// </summary>
internal static class DeviceStatusSync
{
    public static void Apply(SipServer server, BindingChange change)
    {
        var binding = change.Binding;
        var deviceName = DeviceName(binding.Aor);
        if (deviceName is null || server.Devices.Find(deviceName) is null)
        {
            return; // not a device of any user: the binding works, the Phones page does not list it
        }

        var remaining = server.Locations.Lookup(binding.Aor);
        if (remaining.Count > 0)
        {
            var latest = remaining[0];
            for (var i = 1; i < remaining.Count; i++)
            {
                if (remaining[i].UpdatedAt > latest.UpdatedAt)
                {
                    latest = remaining[i];
                }
            }

            server.Devices.SetRegistration(deviceName, ToRegistration(latest));
            return;
        }

        var reason = change.Kind == BindingChangeKind.Expired ? DeviceStatusReason.Expired : DeviceStatusReason.Unregistered;
        server.Devices.ClearRegistration(deviceName, reason);
    }

    /// <summary>The user part of a canonical address-of-record (<c>sip:202wp@example.com</c> → <c>202wp</c>).</summary>
    public static string? DeviceName(string aor)
    {
        var colon = aor.IndexOf(':', StringComparison.Ordinal);
        var at = aor.LastIndexOf('@');
        return colon < 0 || at <= colon + 1 ? null : aor[(colon + 1)..at];
    }

    private static DeviceRegistration ToRegistration(Binding binding) =>
        new(binding.UserAgent, binding.ContactUri, binding.Source.Remote, binding.Source.Transport, binding.RegisteredAt, binding.ExpiresAt);
}
