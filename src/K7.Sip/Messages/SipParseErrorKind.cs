namespace K7.Sip;

/// <summary>What kind of fault made a SIP message unparsable.</summary>
public enum SipParseErrorKind
{
    /// <summary>No error.</summary>
    None,

    /// <summary>The message is larger than <see cref="SipParserOptions.MaxMessageSize"/>.</summary>
    TooLarge,

    /// <summary>The input ends before the start line does.</summary>
    Truncated,

    /// <summary>The request line or status line is malformed (spacing, method, status code).</summary>
    BadStartLine,

    /// <summary>The SIP-Version is well formed but not <c>SIP/2.0</c>.</summary>
    BadVersion,

    /// <summary>The Request-URI is malformed.</summary>
    BadRequestUri,

    /// <summary>A header line has no valid name or no colon.</summary>
    BadHeader,

    /// <summary>The value of a header that is validated at parse time is malformed (or a number overflows).</summary>
    BadHeaderValue,

    /// <summary>Content-Length is malformed, negative, repeated with different values, or larger than the body.</summary>
    BadContentLength,

    /// <summary>A required header is missing.</summary>
    MissingHeader,
}
