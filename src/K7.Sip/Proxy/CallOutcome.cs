namespace K7.Sip.Proxy;

/// <summary>How a call ended up, for call history.</summary>
public enum CallOutcome
{
    /// <summary>A device of the called user answered.</summary>
    Answered = 0,

    /// <summary>Every device was busy (or declined), and no busy forwarding was set.</summary>
    Busy = 1,

    /// <summary>No device answered before the ring timeout, and no forwarding was set.</summary>
    NoAnswer = 2,

    /// <summary>The user had no registered device, and no offline forwarding was set.</summary>
    Offline = 3,

    /// <summary>An answering rule rejected the caller (blocked or anonymous).</summary>
    Rejected = 4,

    /// <summary>The caller hung up before an answer.</summary>
    Cancelled = 5,

    /// <summary>The call went to voicemail (by a rule, or as the fallback).</summary>
    Voicemail = 6,

    /// <summary>The call was forwarded (by a rule, or as the fallback) and answered there.</summary>
    Forwarded = 7,

    /// <summary>Every branch failed otherwise (unreachable devices, errors).</summary>
    Failed = 8,
}
