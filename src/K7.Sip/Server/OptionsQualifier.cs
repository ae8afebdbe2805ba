using System.Collections.Concurrent;
using K7.Sip.Registrar;
using K7.Sip.Transactions;
using K7.Sip.Transport;
using NodaTime;

namespace K7.Sip;

/// <summary>
/// Sends OPTIONS to every registered contact once per <see cref="SipOptions.QualifyInterval"/> and marks its device
/// reachable when any response comes back, unreachable when the client transaction times out (Timer F, 64 × T1) or
/// the request cannot be sent.
/// </summary>
internal sealed class OptionsQualifier(SipServer server)
{
    private readonly ConcurrentDictionary<(string Aor, string Contact), byte> _inFlight = new();
    private Instant _nextRound = Instant.MinValue;

    public void Run(Instant now)
    {
        var interval = server.Options.QualifyInterval;
        if (interval <= Duration.Zero)
        {
            return;
        }

        if (_nextRound == Instant.MinValue)
        {
            _nextRound = now + interval; // the first round waits one interval: a fresh REGISTER proves reachability
            return;
        }

        if (now < _nextRound)
        {
            return;
        }

        _nextRound = now + interval;
        foreach (var aor in server.Locations.Aors)
        {
            foreach (var binding in server.Locations.Lookup(aor))
            {
                if (_inFlight.TryAdd((aor, binding.ContactUri), 0))
                {
                    _ = QualifyAsync(binding);
                }
            }
        }
    }

    private async Task QualifyAsync(Binding binding)
    {
        try
        {
            var deviceName = DeviceStatusSync.DeviceName(binding.Aor);
            var request = BuildOptions(binding, out var target);
            if (request is null)
            {
                return;
            }

            var result = await server.SendRequestAsync(request, target).ConfigureAwait(false);
            var reachable = result.Outcome == ClientTransactionOutcome.Answered;
            server.Metrics.Qualify(reachable);
            if (deviceName is not null)
            {
                server.Devices.SetReachable(deviceName, reachable);
            }
        }
        finally
        {
            _inFlight.TryRemove((binding.Aor, binding.ContactUri), out _);
        }
    }

    private SipRequest? BuildOptions(Binding binding, out ResponseTarget target)
    {
        target = null!;
        if (!SipUri.TryParse(binding.ContactUri, out var contact))
        {
            return null;
        }

        var protocol = binding.Source.Transport.Equals("TCP", StringComparison.OrdinalIgnoreCase) ? SipTransportProtocol.Tcp : SipTransportProtocol.Udp;
        var local = server.FindListenAddress(protocol, binding.Source.Remote.AddressFamily);
        if (local is null)
        {
            return null;
        }

        target = new ResponseTarget(protocol, binding.Source.Remote, local.EndPoint, 0);
        var sentBy = ViaProcessing.SentBy(local.EndPoint);
        var tag = server.NewTag();
        var headers = SipHeaderCollection.CreateBuilder()
            .Add(SipHeaderNames.Via, Proxy.ProxyMessages.Via(protocol, sentBy, TransactionKey.MagicCookie + tag))
            .Add(SipHeaderNames.MaxForwards, "70");
        foreach (var hop in binding.Path)
        {
            headers.Add(SipHeaderNames.Route, hop);
        }

        headers
            .Add(SipHeaderNames.From, "<sip:qualify@" + sentBy + ">;tag=" + tag)
            .Add(SipHeaderNames.To, "<" + binding.ContactUri + ">")
            .Add(SipHeaderNames.CallId, tag + "@" + sentBy)
            .Add(SipHeaderNames.CSeq, "1 OPTIONS")
            .Add(SipHeaderNames.UserAgent, server.Options.ServerName)
            .Add(SipHeaderNames.ContentLength, "0");
        return new SipRequest(SipMethod.Options, contact.WithoutHeaders(), headers.Build());
    }
}
