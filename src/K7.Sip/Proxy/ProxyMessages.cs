using System.Globalization;
using K7.Sip.Transport;

namespace K7.Sip.Proxy;

/// <summary>The messages a stateful proxy builds (RFC 3261 §16.6, §16.7, §9.1, §17.1.1.3).</summary>
internal static class ProxyMessages
{
    /// <summary>
    /// The request forwarded on one branch (§16.6): the new Request-URI, Max-Forwards one less, our Record-Route on
    /// top when asked, our Via on top with the branch's identifier; every other header and the body as received.
    /// </summary>
    public static SipRequest Forward(SipRequest request, SipUri target, string via, string? recordRoute, IReadOnlyList<string>? routeSet)
    {
        var headers = SipHeaderCollection.CreateBuilder();
        headers.Add(SipHeaderNames.Via, via);
        if (recordRoute is not null)
        {
            headers.Add(SipHeaderNames.RecordRoute, recordRoute);
        }

        if (routeSet is not null)
        {
            foreach (var route in routeSet)
            {
                headers.Add(SipHeaderNames.Route, route);
            }
        }

        var maxForwards = (request.MaxForwards ?? 70) - 1;
        var wroteMaxForwards = false;
        foreach (var header in request.Headers)
        {
            if (Is(header, SipHeaderNames.MaxForwards))
            {
                if (!wroteMaxForwards)
                {
                    headers.Add(SipHeaderNames.MaxForwards, maxForwards.ToString(CultureInfo.InvariantCulture));
                    wroteMaxForwards = true;
                }

                continue;
            }

            if (routeSet is not null && Is(header, SipHeaderNames.Route))
            {
                continue; // replaced by the route set given
            }

            headers.Add(header.Name, header.Value);
        }

        if (!wroteMaxForwards)
        {
            headers.Add(SipHeaderNames.MaxForwards, maxForwards.ToString(CultureInfo.InvariantCulture));
        }

        return new SipRequest(request.Method, target, headers.Build(), request.Body);
    }

    /// <summary>The CANCEL for a branch (§9.1): the branch's Request-URI, top Via, Call-ID, From, To, CSeq number and Route.</summary>
    public static SipRequest Cancel(SipRequest forwardedInvite) => HopByHop(forwardedInvite, SipMethod.Cancel, to: null);

    /// <summary>The ACK for a non-2xx final response on a branch (§17.1.1.3): like the CANCEL, with the response's To.</summary>
    public static SipRequest AckForFailure(SipRequest forwardedInvite, SipResponse response) =>
        HopByHop(forwardedInvite, SipMethod.Ack, response.Headers[SipHeaderNames.To]);

    /// <summary>A response received on a branch, to be passed upstream: the top Via (ours) removed (§16.7 step 9).</summary>
    public static SipResponse Upstream(SipResponse response)
    {
        var vias = response.Vias;
        var headers = SipHeaderCollection.CreateBuilder();
        var wroteVias = false;
        foreach (var header in response.Headers)
        {
            if (Is(header, SipHeaderNames.Via))
            {
                if (!wroteVias)
                {
                    for (var i = 1; i < vias.Count; i++)
                    {
                        headers.Add(SipHeaderNames.Via, vias[i].ToString());
                    }

                    wroteVias = true;
                }

                continue;
            }

            headers.Add(header.Name, header.Value);
        }

        return new SipResponse(response.StatusCode, response.ReasonPhrase, headers.Build(), response.Body);
    }

    /// <summary>
    /// The route set of a request inside a dialog (ACK for a 2xx, BYE, re-INVITE…) once our own entry is removed from
    /// the top (loose routing, §16.4), and the next hop it leads to: the first remaining loose-routing entry, else the
    /// Request-URI.
    /// </summary>
    public static List<string> RemainingRoutes(SipRequest request, Func<string, bool> isOwnRoute, out SipUri nextHop)
    {
        var routes = new List<string>();
        foreach (var value in request.Headers.GetValues(SipHeaderNames.Route))
        {
            routes.AddRange(SipGrammar.SplitList(value));
        }

        if (routes.Count > 0 && isOwnRoute(routes[0]))
        {
            routes.RemoveAt(0);
        }

        nextHop = request.RequestUri;
        if (routes.Count > 0 && SipNameAddress.TryParse(routes[0], out var top) && top.Uri.IsLooseRouter)
        {
            nextHop = top.Uri;
        }

        return routes;
    }

    /// <summary>A Via for a request this proxy sends: transport, sent-by and branch, asking for <c>rport</c>.</summary>
    public static string Via(SipTransportProtocol protocol, string sentBy, string branch) =>
        "SIP/2.0/" + ViaProcessing.Token(protocol) + " " + sentBy + ";branch=" + branch + ";rport";

    private static SipRequest HopByHop(SipRequest forwardedInvite, SipMethod method, string? to)
    {
        var cseq = forwardedInvite.CSeq!.Value;
        var headers = SipHeaderCollection.CreateBuilder()
            .Add(SipHeaderNames.Via, forwardedInvite.Vias[0].ToString());
        foreach (var route in forwardedInvite.Headers.GetValues(SipHeaderNames.Route))
        {
            headers.Add(SipHeaderNames.Route, route);
        }

        headers
            .Add(SipHeaderNames.MaxForwards, "70")
            .Add(SipHeaderNames.From, forwardedInvite.Headers[SipHeaderNames.From]!)
            .Add(SipHeaderNames.To, to ?? forwardedInvite.Headers[SipHeaderNames.To]!)
            .Add(SipHeaderNames.CallId, forwardedInvite.CallId!)
            .Add(SipHeaderNames.CSeq, cseq.Number.ToString(CultureInfo.InvariantCulture) + " " + method.Name)
            .Add(SipHeaderNames.ContentLength, "0");
        return new SipRequest(method, forwardedInvite.RequestUri, headers.Build());
    }

    private static bool Is(SipHeader header, string name) =>
        header.Name.Equals(name, StringComparison.OrdinalIgnoreCase)
        || (name == SipHeaderNames.Via && header.Name.Equals("v", StringComparison.OrdinalIgnoreCase));
}
