using K7.Contacts;
using K7.SampleHost.Domain;
using K7.Sip;
using K7.Sip.Devices;
using K7.Sip.Proxy;

namespace K7.SampleHost.Contacts;

/// <summary>
/// Keeps the Contacts page's status icons live from the SIP side: a user with no registered phone is offline, a user on
/// a call is busy, and otherwise available, or what they chose themselves ("available for chat", "busy") once the
/// call ends or a phone registers again.
/// </summary>
internal sealed class PresenceSync(SipServer sip, PresenceTracker presence, UserDirectory users) : IHostedService, IDisposable
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _busyOnCall = new(StringComparer.Ordinal);
    private bool _subscribed;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_subscribed)
            {
                sip.Devices.StatusChanged += OnDeviceChanged;
                sip.CallEvent += OnCallEvent;
                _subscribed = true;
            }

            foreach (var user in users.All)
            {
                Update(user.Extension);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        lock (_gate)
        {
            if (_subscribed)
            {
                sip.Devices.StatusChanged -= OnDeviceChanged;
                sip.CallEvent -= OnCallEvent;
                _subscribed = false;
            }
        }
    }

    /// <summary>Sets the user's state from their phones and calls now.</summary>
    internal void Update(string extension)
    {
        if (users.Find(extension) is null)
        {
            return;
        }

        var id = ContactId.Parse(extension);
        var current = presence.Get(id).State;
        lock (_gate)
        {
            var registered = sip.Devices.ListForUser(extension).Any(d => sip.Devices.GetStatus(d.Name)?.IsRegistered == true);
            PresenceState next;
            if (!registered)
            {
                _busyOnCall.Remove(extension);
                next = PresenceState.Offline;
            }
            else if (sip.ActiveCalls(extension) > 0)
            {
                if (current != PresenceState.Busy)
                {
                    _busyOnCall.Add(extension);
                }

                next = PresenceState.Busy;
            }
            else if (current == PresenceState.Offline || _busyOnCall.Remove(extension))
            {
                next = PresenceState.Available;
            }
            else
            {
                return;
            }

            if (next != current)
            {
                presence.SetState(id, next);
            }
        }
    }

    private void OnDeviceChanged(object? sender, DeviceStatusChangedEventArgs e)
    {
        if (sip.Devices.Find(e.DeviceName) is { } device)
        {
            Update(device.Extension);
        }
    }

    private void OnCallEvent(object? sender, CallEventArgs e)
    {
        if (e.Kind is CallEventKind.Answered or CallEventKind.Ended or CallEventKind.NotAnswered)
        {
            Update(e.CalledUser);
            if (e.Caller is { } caller)
            {
                Update(caller);
            }
        }
    }
}
