using System.Globalization;
using K7.Sip.Authentication;
using K7.Sip.Registrar;

namespace K7.Sip;

/// <summary>
/// REGISTER (RFC 3261 §10.3): checks the domain and the address-of-record, authenticates (RFC 8760 digest), maps the
/// request onto the <see cref="LocationService"/> and answers with the current bindings.
/// </summary>
internal sealed class RegisterHandler(SipServer server)
{
    public async ValueTask HandleAsync(RequestContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var options = server.Options;
        if (options.Domains.Count > 0 && !ServesDomain(options.Domains, request.RequestUri.Host) && !ServesDomain(options.DomainAliases, request.RequestUri.Host))
        {
            await Reject(context, 404, "Not Found", $"This registrar does not serve the domain '{request.RequestUri.Host}'.").ConfigureAwait(false);
            return;
        }

        var to = request.To!;
        if (to.Uri.Scheme is not (SipUriScheme.Sip or SipUriScheme.Sips))
        {
            await Reject(context, 400, "Bad Request", $"The address-of-record in To must be a sip or sips URI, not '{to.Uri.SchemeName}'.").ConfigureAwait(false);
            return;
        }

        if (string.IsNullOrEmpty(to.Uri.User))
        {
            await Reject(context, 400, "Bad Request", "The address-of-record in To has no user part.").ConfigureAwait(false);
            return;
        }

        if (options.RequireAuthentication && !await AuthenticateAsync(context, to.Uri.User, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var registration = ToRegisterRequest(context, to.Uri);
        var outcome = server.Locations.Register(registration);
        server.Metrics.Registration(outcome.StatusCode);
        Log.Registered(server.Logger, registration.Aor, outcome.StatusCode, outcome.Detail ?? string.Empty);
        var now = server.Clock.GetCurrentInstant();
        switch (outcome.StatusCode)
        {
            case 200:
                await server.RespondAsync(context, 200, null, headers =>
                {
                    foreach (var binding in outcome.Bindings)
                    {
                        headers.Add(SipHeaderNames.Contact, FormatContact(binding, now));
                    }

                    foreach (var path in outcome.PathToEcho)
                    {
                        headers.Add(SipHeaderNames.Path, path);
                    }

                    headers.Add(SipHeaderNames.Date, DateHeader(now));
                }).ConfigureAwait(false);
                break;
            case 423:
                await server.RespondAsync(context, 423, outcome.ReasonPhrase, headers =>
                    headers.Add(SipHeaderNames.MinExpires, outcome.MinExpires!.Value.ToString(CultureInfo.InvariantCulture))).ConfigureAwait(false);
                break;
            default:
                await Reject(context, outcome.StatusCode, outcome.ReasonPhrase, outcome.Detail).ConfigureAwait(false);
                break;
        }
    }

    private async ValueTask<bool> AuthenticateAsync(RequestContext context, string aorUser, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var authenticator = server.Authenticator;
        var credentials = PickCredentials(request, authenticator.Realm);
        var verification = await authenticator.VerifyAsync(credentials, request.Method.Name, null, cancellationToken).ConfigureAwait(false);
        switch (verification.Outcome)
        {
            case DigestOutcome.Success:
                if (!DigestUriMatches(verification.Uri, request.RequestUri))
                {
                    server.Metrics.AuthFailure("uri_mismatch");
                    await Reject(context, 400, "Bad Request", "The digest uri of the Authorization header is not the Request-URI.").ConfigureAwait(false);
                    return false;
                }

                if (string.Equals(verification.Username, aorUser, StringComparison.Ordinal))
                {
                    return true;
                }

                server.Metrics.AuthFailure("forbidden");
                await Reject(context, 403, "Forbidden", $"User '{verification.Username}' may not register '{aorUser}'.").ConfigureAwait(false);
                return false;
            case DigestOutcome.Malformed:
                server.Metrics.AuthFailure("malformed");
                await Reject(context, 400, "Bad Request", "Malformed Authorization header: " + verification.Reason).ConfigureAwait(false);
                return false;
            default:
                if (verification.Outcome is not (DigestOutcome.Missing or DigestOutcome.Stale))
                {
                    server.Metrics.AuthFailure(verification.Outcome.ToString());
                    Log.AuthenticationFailed(server.Logger, aorUser, verification.Outcome, verification.Reason ?? string.Empty);
                }

                var challenges = authenticator.CreateChallenges(verification.Outcome == DigestOutcome.Stale, WantsMd5Only(request.UserAgent) ? Md5Only : null);
                await server.RespondAsync(context, 401, "Unauthorized", headers =>
                {
                    foreach (var challenge in challenges)
                    {
                        headers.Add(SipHeaderNames.WWWAuthenticate, challenge);
                    }
                }).ConfigureAwait(false);
                return false;
        }
    }

    private static readonly DigestAlgorithm[] Md5Only = [DigestAlgorithm.Md5];

    /// <summary>RFC 7616 §3.4.6: the digest-uri must name the Request-URI (compared as SIP URIs, RFC 3261 §19.1.4).</summary>
    private static bool DigestUriMatches(string? text, SipUri requestUri) =>
        text is not null
        && (string.Equals(text, requestUri.ToString(), StringComparison.Ordinal)
            || (SipUri.TryParse(text, out var uri) && uri.IsEquivalentTo(requestUri)));

    private bool WantsMd5Only(string? userAgent)
    {
        if (userAgent is null)
        {
            return false;
        }

        foreach (var prefix in server.Options.Md5OnlyUserAgents)
        {
            if (userAgent.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The Authorization value for our realm when the request carries several (one per realm), else the first.</summary>
    private static string? PickCredentials(SipRequest request, string realm)
    {
        // One Authorization header per line (its value has commas of its own): never split.
        var values = request.OtherValues(SipHeaderNames.Authorization, splitList: false);
        if (values is null)
        {
            return null;
        }

        foreach (var value in values)
        {
            if (value.Contains("realm=\"" + realm + "\"", StringComparison.Ordinal))
            {
                return value;
            }
        }

        return values[0];
    }

    private RegisterRequest ToRegisterRequest(RequestContext context, SipUri aor)
    {
        var request = context.Request;
        var contacts = new List<RegisterContact>(request.Contacts.Count);
        var wildcard = false;
        foreach (var contact in request.Contacts)
        {
            if (contact.IsWildcard)
            {
                wildcard = true;
                continue;
            }

            var parameters = contact.Parameters;
            contacts.Add(new RegisterContact
            {
                Uri = contact.Address!.Uri.ToString(),
                Q = contact.Q,
                Expires = contact.Expires,
                InstanceId = parameters["+sip.instance"],
                RegId = int.TryParse(parameters["reg-id"], NumberStyles.None, CultureInfo.InvariantCulture, out var regId) ? regId : null,
                Parameters = [.. parameters],
            });
        }

        var packet = context.Packet;
        return new RegisterRequest
        {
            Aor = AddressOfRecord.Canonical(aor.SchemeName, aor.User, server.CanonicalHost(aor.Host)),
            Contacts = contacts,
            IsWildcard = wildcard,
            Expires = request.Expires,
            CallId = request.CallId!,
            CSeq = request.CSeq!.Value.Number,
            UserAgent = request.UserAgent,
            Source = new RegisterSource(ViaProcessing.Token(packet.Protocol), packet.RemoteEndPoint, packet.LocalEndPoint),
            Path = request.OtherValues(SipHeaderNames.Path, splitList: true) ?? [],
            PathSupported = HasOptionTag(request, SipHeaderNames.Supported, "path"),
        };
    }

    private static bool HasOptionTag(SipRequest request, string header, string tag)
    {
        foreach (var value in request.OtherValues(header, splitList: true) ?? [])
        {
            if (value.Trim().Equals(tag, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private DateCache? _date;

    /// <summary>The RFC 1123 date of the Date header, formatted once per second.</summary>
    private string DateHeader(NodaTime.Instant now)
    {
        var second = now.ToUnixTimeSeconds();
        if (_date is { } cached && cached.Second == second)
        {
            return cached.Text;
        }

        var text = NodaTime.Instant.FromUnixTimeSeconds(second).ToDateTimeOffset().ToString("r", CultureInfo.InvariantCulture);
        _date = new DateCache(second, text);
        return text;
    }

    private sealed record DateCache(long Second, string Text);

    private static string FormatContact(Binding binding, NodaTime.Instant now)
    {
        var text = "<" + binding.ContactUri + ">;expires=" + binding.Remaining(now).ToString(CultureInfo.InvariantCulture);
        if (binding.Q is { } q)
        {
            text += ";q=" + q.ToString("0.###", CultureInfo.InvariantCulture);
        }

        if (binding.InstanceId is { } instance)
        {
            text += ";+sip.instance=" + instance;
        }

        return text;
    }

    private static bool ServesDomain(IList<string> domains, string host)
    {
        foreach (var domain in domains)
        {
            if (string.Equals(domain, host, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private ValueTask Reject(RequestContext context, int statusCode, string reasonPhrase, string? detail) =>
        server.RespondAsync(context, statusCode, reasonPhrase, detail is null ? null : headers =>
            headers.Add(SipHeaderNames.Warning, Warning.Format(server.Options.ServerName, detail)));
}
