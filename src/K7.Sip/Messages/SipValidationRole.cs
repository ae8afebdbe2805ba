namespace K7.Sip;

/// <summary>The role in which <see cref="SipRequestValidator"/> checks a request.</summary>
public enum SipValidationRole
{
    /// <summary>A user agent server (a phone, a voicemail, a conference) answering the request itself.</summary>
    Endpoint,

    /// <summary>A proxy that forwards the request.</summary>
    Proxy,

    /// <summary>A registrar handling REGISTER.</summary>
    Registrar,
}
