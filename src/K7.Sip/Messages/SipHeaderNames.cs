namespace K7.Sip;

/// <summary>Canonical (long) names of common SIP headers, and the compact-form mapping.</summary>
public static class SipHeaderNames
{
    /// <summary>Via (compact <c>v</c>).</summary>
    public const string Via = "Via";

    /// <summary>From (compact <c>f</c>).</summary>
    public const string From = "From";

    /// <summary>To (compact <c>t</c>).</summary>
    public const string To = "To";

    /// <summary>Call-ID (compact <c>i</c>).</summary>
    public const string CallId = "Call-ID";

    /// <summary>CSeq.</summary>
    public const string CSeq = "CSeq";

    /// <summary>Contact (compact <c>m</c>).</summary>
    public const string Contact = "Contact";

    /// <summary>Max-Forwards.</summary>
    public const string MaxForwards = "Max-Forwards";

    /// <summary>Expires.</summary>
    public const string Expires = "Expires";

    /// <summary>Min-Expires.</summary>
    public const string MinExpires = "Min-Expires";

    /// <summary>Content-Length (compact <c>l</c>).</summary>
    public const string ContentLength = "Content-Length";

    /// <summary>Content-Type (compact <c>c</c>).</summary>
    public const string ContentType = "Content-Type";

    /// <summary>Content-Encoding (compact <c>e</c>).</summary>
    public const string ContentEncoding = "Content-Encoding";

    /// <summary>User-Agent.</summary>
    public const string UserAgent = "User-Agent";

    /// <summary>Server.</summary>
    public const string Server = "Server";

    /// <summary>Allow.</summary>
    public const string Allow = "Allow";

    /// <summary>Supported (compact <c>k</c>).</summary>
    public const string Supported = "Supported";

    /// <summary>Require.</summary>
    public const string Require = "Require";

    /// <summary>Proxy-Require.</summary>
    public const string ProxyRequire = "Proxy-Require";

    /// <summary>Unsupported.</summary>
    public const string Unsupported = "Unsupported";

    /// <summary>Accept.</summary>
    public const string Accept = "Accept";

    /// <summary>Authorization.</summary>
    public const string Authorization = "Authorization";

    /// <summary>WWW-Authenticate.</summary>
    public const string WWWAuthenticate = "WWW-Authenticate";

    /// <summary>Proxy-Authenticate.</summary>
    public const string ProxyAuthenticate = "Proxy-Authenticate";

    /// <summary>Proxy-Authorization.</summary>
    public const string ProxyAuthorization = "Proxy-Authorization";

    /// <summary>Path (RFC 3327).</summary>
    public const string Path = "Path";

    /// <summary>Route.</summary>
    public const string Route = "Route";

    /// <summary>Record-Route.</summary>
    public const string RecordRoute = "Record-Route";

    /// <summary>Date.</summary>
    public const string Date = "Date";

    /// <summary>Warning.</summary>
    public const string Warning = "Warning";

    /// <summary>Retry-After.</summary>
    public const string RetryAfter = "Retry-After";

    /// <summary>Subject (compact <c>s</c>).</summary>
    public const string Subject = "Subject";

    /// <summary>Event (RFC 6665, compact <c>o</c>).</summary>
    public const string Event = "Event";

    /// <summary>Allow-Events (RFC 6665, compact <c>u</c>).</summary>
    public const string AllowEvents = "Allow-Events";

    /// <summary>Refer-To (RFC 3515, compact <c>r</c>).</summary>
    public const string ReferTo = "Refer-To";

    /// <summary>Referred-By (RFC 3892, compact <c>b</c>).</summary>
    public const string ReferredBy = "Referred-By";

    /// <summary>Session-Expires (RFC 4028, compact <c>x</c>).</summary>
    public const string SessionExpires = "Session-Expires";

    /// <summary>Identity (compact <c>y</c>).</summary>
    public const string Identity = "Identity";

    /// <summary>Accept-Contact (RFC 3841, compact <c>a</c>).</summary>
    public const string AcceptContact = "Accept-Contact";

    /// <summary>Reject-Contact (RFC 3841, compact <c>j</c>).</summary>
    public const string RejectContact = "Reject-Contact";

    /// <summary>Request-Disposition (RFC 3841, compact <c>d</c>).</summary>
    public const string RequestDisposition = "Request-Disposition";

    /// <summary>Timestamp.</summary>
    public const string Timestamp = "Timestamp";

    /// <summary>Returns the long name for a compact form (<c>v</c> → <c>Via</c>); other names are returned unchanged.</summary>
    /// <param name="name">A header name.</param>
    /// <returns>The long form of <paramref name="name"/>.</returns>
    public static string Expand(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length == 1 ? FromCompact(name[0]) ?? name : name;
    }

    /// <summary>Returns the long name of a compact form letter, or <see langword="null"/>.</summary>
    /// <param name="letter">The compact letter, in either case.</param>
    /// <returns>The long name, or <see langword="null"/> when <paramref name="letter"/> is not a compact form.</returns>
    public static string? FromCompact(char letter) => char.ToLowerInvariant(letter) switch
    {
        'i' => CallId,
        'm' => Contact,
        'e' => ContentEncoding,
        'l' => ContentLength,
        'f' => From,
        't' => To,
        'v' => Via,
        's' => Subject,
        'k' => Supported,
        'c' => ContentType,
        'o' => Event,
        'u' => AllowEvents,
        'r' => ReferTo,
        'b' => ReferredBy,
        'x' => SessionExpires,
        'y' => Identity,
        'a' => AcceptContact,
        'j' => RejectContact,
        'd' => RequestDisposition,
        _ => null,
    };

    /// <summary>Whether two header names denote the same header (case-insensitive; compact and long forms equal).</summary>
    /// <param name="a">A name.</param>
    /// <param name="b">Another name.</param>
    /// <returns><see langword="true"/> when they denote the same header.</returns>
    public static bool AreSame(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return string.Equals(a, b, StringComparison.OrdinalIgnoreCase) ||
               string.Equals(Expand(a), Expand(b), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether the header's values are comma-separated lists (RFC 3261 §7.3.1), so that they may be split.</summary>
    /// <param name="name">A header name (either form).</param>
    /// <returns><see langword="true"/> for list headers such as Via, Contact, Route, Allow, Require.</returns>
    public static bool IsList(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Expand(name).ToUpperInvariant() switch
        {
            "VIA" or "CONTACT" or "ROUTE" or "RECORD-ROUTE" or "PATH" or "ALLOW" or "SUPPORTED" or "REQUIRE" or
            "PROXY-REQUIRE" or "UNSUPPORTED" or "ACCEPT" or "ACCEPT-ENCODING" or "ACCEPT-LANGUAGE" or
            "CONTENT-ENCODING" or "CONTENT-LANGUAGE" or "ALLOW-EVENTS" or "WARNING" or "IN-REPLY-TO" or
            "ERROR-INFO" or "ALERT-INFO" or "CALL-INFO" or "ACCEPT-CONTACT" or "REJECT-CONTACT" or
            "REQUEST-DISPOSITION" or "SERVICE-ROUTE" => true,
            _ => false,
        };
    }
}
