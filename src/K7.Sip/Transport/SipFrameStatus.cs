namespace K7.Sip.Transport;

/// <summary>What <see cref="SipStreamFramer.Frame"/> found at the start of a stream buffer.</summary>
internal enum SipFrameStatus
{
    /// <summary>The buffer holds no complete message yet; drop <see cref="SipFrame.Consumed"/> bytes and read more.</summary>
    NeedMoreData,

    /// <summary>A complete message at <see cref="SipFrame.Offset"/> of <see cref="SipFrame.Length"/> bytes.</summary>
    Message,

    /// <summary>A double-CRLF keep-alive ping (RFC 5626 §3.5.1), to be answered with a single CRLF.</summary>
    Ping,

    /// <summary>The stream cannot be framed (<see cref="SipFrame.Error"/>); the connection must be closed.</summary>
    Error,
}
