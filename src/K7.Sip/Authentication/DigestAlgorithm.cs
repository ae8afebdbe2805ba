namespace K7.Sip.Authentication;

/// <summary>A hash algorithm of HTTP digest authentication as used by SIP (RFC 7616, RFC 8760).</summary>
/// <remarks>
/// The session variants (<c>MD5-sess</c>, <c>SHA-256-sess</c>) are not supported: SIP phones do not use them, and a
/// response that names one is answered as <see cref="DigestOutcome.UnsupportedAlgorithm"/>. SHA-512-256 is not
/// offered because .NET has no SHA-512/256 primitive and no SIP phone we know of sends it.
/// </remarks>
public enum DigestAlgorithm
{
    /// <summary><c>MD5</c>, the RFC 3261 algorithm that every SIP phone supports; the default when a response names none.</summary>
    Md5,

    /// <summary><c>SHA-256</c> (RFC 8760), preferred over MD5.</summary>
    Sha256,
}
