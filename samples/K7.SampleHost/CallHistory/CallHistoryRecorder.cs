using System.Collections.Concurrent;
using K7.SampleHost.Domain;
using K7.Sip;
using K7.Sip.Proxy;
using NodaTime;

namespace K7.SampleHost.CallHistory;

/// <summary>
/// Records the SIP proxy's calls: when a call ends (answered and hung up, or not answered) the called user gets an
/// inbound record and, when the caller is one of our users, the caller gets an outbound one, both in one transaction.
/// It keeps listening after the host's stop signal until it is disposed, so the calls the SIP server ends while it
/// stops are recorded too, and disposal waits for a record being written.
/// </summary>
internal sealed partial class CallHistoryRecorder(
    SipServer sip,
    CallHistoryStore store,
    CallerNames names,
    UserDirectory users,
    ILogger<CallHistoryRecorder> logger) : IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<(string CallId, string User), PendingCall> _calls = new();
    private readonly Lock _writing = new();
    private bool _subscribed;
    private bool _disposed;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_writing)
        {
            if (!_subscribed && !_disposed)
            {
                sip.CallEvent += OnCallEvent;
                _subscribed = true;
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        lock (_writing)
        {
            if (_subscribed)
            {
                sip.CallEvent -= OnCallEvent;
                _subscribed = false;
            }

            _disposed = true;
        }
    }

    /// <summary>Takes one call event; returns the records written when the call ended with it.</summary>
    internal IReadOnlyList<CallRecord> Handle(CallEventArgs e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var key = (e.CallId, e.CalledUser);
        switch (e.Kind)
        {
            case CallEventKind.Started:
                _calls[key] = new PendingCall(e.At, e.Caller, null, null);
                return [];
            case CallEventKind.Ringing:
                return [];
            case CallEventKind.Answered:
                _calls.AddOrUpdate(
                    key,
                    _ => new PendingCall(e.At, e.Caller, e.Device, e.Outcome ?? CallOutcome.Answered),
                    (_, p) => p with { Device = e.Device ?? p.Device, Outcome = e.Outcome ?? CallOutcome.Answered });
                return [];
            case CallEventKind.Ended:
            case CallEventKind.NotAnswered:
                _calls.TryRemove(key, out var pending);
                var answered = e.Kind == CallEventKind.Ended;
                var duration = answered ? e.Duration ?? Duration.Zero : Duration.Zero;
                var start = pending?.Start ?? e.At - (e.Duration ?? Duration.Zero);
                var outcome = answered ? pending?.Outcome ?? e.Outcome ?? CallOutcome.Answered : e.Outcome ?? CallOutcome.Failed;
                var device = answered ? pending?.Device ?? e.Device : null;
                var caller = e.Caller ?? pending?.Caller ?? string.Empty;
                return Write(e.CallId, e.CalledUser, caller, device, outcome, start, (long)duration.TotalSeconds);
            default:
                return [];
        }
    }

    private void OnCallEvent(object? sender, CallEventArgs e)
    {
        try
        {
            Handle(e);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.NotRecorded(logger, ex, e.CallId, e.CalledUser);
        }
    }

    private List<CallRecord> Write(string callId, string called, string caller, string? device, CallOutcome outcome, Instant start, long seconds)
    {
        var records = new List<CallRecord>(2);
        if (users.Find(called) is not null)
        {
            records.Add(new CallRecord(NewId(), called, callId, CallDirection.Inbound, caller, names.Find(called, caller), called, device, outcome, start, seconds));
        }

        if (caller.Length > 0 && caller != called && users.Find(caller) is not null)
        {
            records.Add(new CallRecord(NewId(), caller, callId, CallDirection.Outbound, caller, names.Find(caller, caller), called, device, outcome, start, seconds));
        }

        lock (_writing)
        {
            if (_disposed)
            {
                Log.NotRecorded(logger, null, callId, called);
                return [];
            }

            store.Add(records);
        }

        return records;
    }

    private static string NewId() => Guid.CreateVersion7().ToString("N");

    private sealed record PendingCall(Instant Start, string? Caller, string? Device, CallOutcome? Outcome);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "The call {CallId} to {User} was not recorded in the call history")]
        public static partial void NotRecorded(ILogger logger, Exception? exception, string callId, string user);
    }
}
