namespace K7.Sip;

/// <summary>
/// Checks a parsed request against the rules that belong to the layer above the parser (RFC 3261 §8.2, §16.3), and
/// says which response to send. The parser already rejects malformed messages; this covers well-formed requests that
/// must still be refused.
/// </summary>
/// <remarks>
/// <para>Checks, in order (the first failure wins):</para>
/// <list type="number">
/// <item>exactly one Call-ID, From, To and CSeq, and at least one Via → 400;</item>
/// <item>the CSeq method equals the request method → 400;</item>
/// <item>the Request-URI scheme is sip, sips or tel → 416;</item>
/// <item>the Request-URI has no escaped headers (<c>?Route=…</c>) → 400;</item>
/// <item>proxy: Max-Forwards is not 0 → 483;</item>
/// <item>proxy: every Proxy-Require option is supported; endpoint and registrar: every Require option → 420 with Unsupported;</item>
/// <item>endpoint and registrar: the method is known → 501 with Allow;</item>
/// <item>endpoint: a body's Content-Type is accepted → 415 with Accept;</item>
/// <item>endpoint, INVITE: an Accept header, when present, allows one of the accepted types (what we answer with) → 406.</item>
/// </list>
/// <para>Not checked: the Date header (a Date in a zone other than GMT, RFC 4475 baddate, is ignored: nothing here
/// depends on Date); a bare <c>z9hG4bK</c> branch (badbranch) is accepted, and <see cref="SipVia.HasRfc3261Branch"/>
/// tells the transaction layer to match it as an RFC 2543 request. Registrar rules (the AOR scheme, authorization)
/// belong to the registrar.</para>
/// </remarks>
public static class SipRequestValidator
{
    private static readonly string[] DefaultContentTypes = ["application/sdp"];

    /// <summary>Validates a request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="role">The role of the element checking it.</param>
    /// <param name="supportedOptionTags">The option tags this element supports, compared with the set's own comparer; <see langword="null"/> for none.</param>
    /// <param name="acceptedContentTypes">The body types this element understands and answers with; <see langword="null"/> for <c>application/sdp</c>.</param>
    /// <returns><see cref="SipValidationResult.Valid"/>, or the status code, reason and headers to answer with.</returns>
    public static SipValidationResult Validate(SipRequest request, SipValidationRole role,
        IReadOnlySet<string>? supportedOptionTags = null, IReadOnlyCollection<string>? acceptedContentTypes = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var (id, name) in (ReadOnlySpan<(HeaderId, string)>)[(HeaderId.CallId, SipHeaderNames.CallId), (HeaderId.From, SipHeaderNames.From), (HeaderId.To, SipHeaderNames.To), (HeaderId.CSeq, SipHeaderNames.CSeq)])
        {
            var count = request.CountHeader(id, name);
            if (count != 1)
            {
                return Fail(400, count == 0 ? $"Missing {name} Header" : $"Duplicate {name} Header");
            }
        }

        if (request.Vias.Count == 0)
        {
            return Fail(400, "Missing Via Header");
        }

        if (request.CSeq is not { } cseq || cseq.Method != request.Method)
        {
            return Fail(400, "CSeq Method Does Not Match Request Method");
        }

        if (request.RequestUri.Scheme == SipUriScheme.Other)
        {
            return Fail(416, "Unsupported URI Scheme");
        }

        if (request.RequestUri.Headers.Count > 0)
        {
            return Fail(400, "Request-URI Must Not Contain Headers");
        }

        if (role == SipValidationRole.Proxy && request.MaxForwards == 0)
        {
            return Fail(483, "Too Many Hops");
        }

        var requireHeader = role == SipValidationRole.Proxy ? SipHeaderNames.ProxyRequire : SipHeaderNames.Require;
        List<string>? unsupported = null;
        if (request.HasOtherHeader(requireHeader))
        {
            foreach (var tag in request.Headers.GetValues(requireHeader))
            {
                if (supportedOptionTags is null || !supportedOptionTags.Contains(tag))
                {
                    (unsupported ??= []).Add(tag);
                }
            }
        }

        if (unsupported is not null)
        {
            return new SipValidationResult(420, "Bad Extension", [new SipHeader(SipHeaderNames.Unsupported, string.Join(", ", unsupported))]);
        }

        if (role != SipValidationRole.Proxy && !request.Method.IsKnown)
        {
            return new SipValidationResult(501, "Not Implemented",
                [new SipHeader(SipHeaderNames.Allow, "INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER, INFO, MESSAGE, NOTIFY, SUBSCRIBE, REFER, PRACK, UPDATE")]);
        }

        if (role != SipValidationRole.Endpoint)
        {
            return SipValidationResult.Valid;
        }

        var types = acceptedContentTypes ?? DefaultContentTypes;
        if (request.Body.Length > 0 && request.ContentType is { } contentType && !IsAccepted(MediaType(contentType), types))
        {
            return new SipValidationResult(415, "Unsupported Media Type", [new SipHeader(SipHeaderNames.Accept, string.Join(", ", types))]);
        }

        if (request.Method == SipMethod.Invite && request.HasOtherHeader(SipHeaderNames.Accept))
        {
            var acceptable = false;
            foreach (var range in request.Headers.GetValues(SipHeaderNames.Accept))
            {
                var media = MediaType(range);
                foreach (var t in types)
                {
                    acceptable |= Matches(media, t);
                }
            }

            if (!acceptable)
            {
                return Fail(406, "Not Acceptable");
            }
        }

        return SipValidationResult.Valid;
    }

    private static SipValidationResult Fail(int status, string reason) => new(status, reason, []);

    private static string MediaType(string value)
    {
        var semi = value.IndexOf(';', StringComparison.Ordinal);
        return (semi < 0 ? value : value[..semi]).Trim().Replace(" ", string.Empty, StringComparison.Ordinal);
    }

    private static bool IsAccepted(string type, IReadOnlyCollection<string> types)
    {
        foreach (var t in types)
        {
            if (string.Equals(type, t, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether an Accept media-range (<c>*/*</c>, <c>type/*</c>, <c>type/sub</c>) covers a type.</summary>
    private static bool Matches(string range, string type)
    {
        if (range == "*/*" || string.Equals(range, type, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var slash = type.IndexOf('/', StringComparison.Ordinal);
        return range.EndsWith("/*", StringComparison.Ordinal) && slash > 0 &&
               string.Equals(range[..^2], type[..slash], StringComparison.OrdinalIgnoreCase);
    }
}
