namespace K7.Sip.Transport;

/// <summary>Why a stream could not be framed into SIP messages.</summary>
internal enum SipFramingError
{
    /// <summary>No error.</summary>
    None,

    /// <summary>The header section has no Content-Length (required on streams, RFC 3261 §18.3).</summary>
    MissingContentLength,

    /// <summary>A Content-Length value is not a non-negative decimal number (for example negative, empty or not numeric).</summary>
    InvalidContentLength,

    /// <summary>Two Content-Length headers give different values.</summary>
    ConflictingContentLength,

    /// <summary>The header section is larger than the maximum message size.</summary>
    HeaderSectionTooLarge,

    /// <summary>The header section plus the announced body is larger than the maximum message size.</summary>
    MessageTooLarge,
}
