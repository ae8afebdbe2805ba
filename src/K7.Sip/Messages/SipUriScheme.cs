namespace K7.Sip;

/// <summary>The scheme of a <see cref="SipUri"/>.</summary>
public enum SipUriScheme
{
    /// <summary>Any other absolute URI, kept opaque (a UAS answers 416 to it in a Request-URI).</summary>
    Other,

    /// <summary><c>sip:</c>.</summary>
    Sip,

    /// <summary><c>sips:</c>.</summary>
    Sips,

    /// <summary><c>tel:</c> (RFC 3966).</summary>
    Tel,
}
