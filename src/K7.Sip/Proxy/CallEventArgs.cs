using NodaTime;

namespace K7.Sip.Proxy;

/// <summary>A call event: for call history, presence (busy while on a call) and live views.</summary>
public sealed class CallEventArgs : EventArgs
{
    /// <summary>Initializes a new instance of the <see cref="CallEventArgs"/> class.</summary>
    /// <param name="kind">What happened.</param>
    /// <param name="callId">The caller's Call-ID.</param>
    /// <param name="calledUser">The user called (the Request-URI's user part).</param>
    /// <param name="caller">The caller's number or user (the From URI's user part), if any.</param>
    /// <param name="device">The device that rang or answered, if any.</param>
    /// <param name="outcome">How the call ended up, for <see cref="CallEventKind.Answered"/>, <see cref="CallEventKind.Ended"/> and <see cref="CallEventKind.NotAnswered"/>.</param>
    /// <param name="at">When it happened.</param>
    /// <param name="duration">For <see cref="CallEventKind.Ended"/>, the talk time; for <see cref="CallEventKind.NotAnswered"/>, the ring time.</param>
    public CallEventArgs(CallEventKind kind, string callId, string calledUser, string? caller, string? device, CallOutcome? outcome, Instant at, Duration? duration)
    {
        Kind = kind;
        CallId = callId;
        CalledUser = calledUser;
        Caller = caller;
        Device = device;
        Outcome = outcome;
        At = at;
        Duration = duration;
    }

    /// <summary>Gets what happened.</summary>
    public CallEventKind Kind { get; }

    /// <summary>Gets the caller's Call-ID.</summary>
    public string CallId { get; }

    /// <summary>Gets the user called.</summary>
    public string CalledUser { get; }

    /// <summary>Gets the caller's number or user, if any.</summary>
    public string? Caller { get; }

    /// <summary>Gets the device that rang or answered, if any.</summary>
    public string? Device { get; }

    /// <summary>Gets how the call ended up, when known.</summary>
    public CallOutcome? Outcome { get; }

    /// <summary>Gets when it happened.</summary>
    public Instant At { get; }

    /// <summary>Gets the talk time (ended) or ring time (not answered).</summary>
    public Duration? Duration { get; }
}
