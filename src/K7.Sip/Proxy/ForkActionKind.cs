namespace K7.Sip.Proxy;

/// <summary>What a <see cref="ForkAction"/> asks the server to do.</summary>
internal enum ForkActionKind
{
    /// <summary>Send the INVITE of <see cref="ForkAction.Branch"/> (start its client transaction).</summary>
    StartBranch,

    /// <summary>Send a CANCEL for <see cref="ForkAction.Branch"/> (RFC 3261 §9.1: after a provisional response arrived).</summary>
    CancelBranch,

    /// <summary>Forward the provisional response <see cref="ForkAction.StatusCode"/> of <see cref="ForkAction.Branch"/> to the caller.</summary>
    RelayProvisional,

    /// <summary>Forward the 2xx of <see cref="ForkAction.Branch"/> to the caller: the call is answered.</summary>
    Answer,

    /// <summary>ACK and then BYE the 2xx of <see cref="ForkAction.Branch"/>, which came after the fork was decided.</summary>
    HangUpLateAnswer,

    /// <summary>The fork ended with <see cref="ForkAction.Outcome"/> and <see cref="ForkAction.StatusCode"/>; the server applies the fallback.</summary>
    Finish,
}
