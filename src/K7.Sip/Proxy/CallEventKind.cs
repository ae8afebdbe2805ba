namespace K7.Sip.Proxy;

/// <summary>What happened to a call.</summary>
public enum CallEventKind
{
    /// <summary>A call to a user arrived and is being routed.</summary>
    Started = 0,

    /// <summary>A device is ringing (the first 180 or 183 of the call).</summary>
    Ringing = 1,

    /// <summary>A device answered; <see cref="CallEventArgs.Device"/> says which.</summary>
    Answered = 2,

    /// <summary>An answered call ended (a BYE); <see cref="CallEventArgs.Duration"/> is the talk time.</summary>
    Ended = 3,

    /// <summary>The call ended without being answered here; <see cref="CallEventArgs.Outcome"/> says how.</summary>
    NotAnswered = 4,
}
