using System.Diagnostics.Metrics;

namespace K7.Sip;

/// <summary>
/// The <c>K7.Sip</c> meter: counters of messages, parse errors, retransmissions, registrations, authentication
/// failures and qualify results, and gauges of bindings and transactions.
/// </summary>
internal sealed class SipMetrics : IDisposable
{
    /// <summary>The meter name hosts subscribe to (OpenTelemetry: <c>AddMeter("K7.Sip")</c>).</summary>
    public const string MeterName = "K7.Sip";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _messages;
    private readonly Counter<long> _parseErrors;
    private readonly Counter<long> _retransmissions;
    private readonly Counter<long> _calls;
    private readonly Counter<long> _registrations;
    private readonly Counter<long> _authFailures;
    private readonly Counter<long> _qualify;

    public SipMetrics(IMeterFactory? meterFactory, SipServer server)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _messages = _meter.CreateCounter<long>("k7.sip.messages.received", "{message}", "SIP messages received and parsed, by kind (request or response).");
        _parseErrors = _meter.CreateCounter<long>("k7.sip.parse_errors", "{message}", "Messages rejected by the parser, by error kind.");
        _retransmissions = _meter.CreateCounter<long>("k7.sip.retransmissions.absorbed", "{message}", "Retransmitted requests absorbed or answered by a server transaction.");
        _registrations = _meter.CreateCounter<long>("k7.sip.registrations", "{request}", "REGISTER requests that reached the registrar, by status code.");
        _authFailures = _meter.CreateCounter<long>("k7.sip.auth_failures", "{request}", "Requests whose credentials were refused, by reason.");
        _calls = _meter.CreateCounter<long>("k7.sip.calls", "{event}", "Call events, by kind (started, ringing, answered, ended, not answered).");
        _qualify = _meter.CreateCounter<long>("k7.sip.qualify", "{request}", "OPTIONS checks of registered contacts, by result.");
        _meter.CreateObservableGauge("k7.sip.bindings", () => server.Locations.Count, "{binding}", "Registered contact bindings.");
        _meter.CreateObservableGauge("k7.sip.transactions.server", () => server.ServerTransactionCount, "{transaction}", "Live server transactions.");
    }

    private static readonly KeyValuePair<string, object?> RequestTag = new("kind", "request");
    private static readonly KeyValuePair<string, object?> ResponseTag = new("kind", "response");
    private static readonly object?[] StatusCodes = [.. Enumerable.Range(0, 700).Select(code => (object)code)];

    public void MessageReceived(bool request) => _messages.Add(1, request ? RequestTag : ResponseTag);

    public void ParseError(SipParseErrorKind kind) => _parseErrors.Add(1, new KeyValuePair<string, object?>("error", kind.ToString()));

    public void Retransmission() => _retransmissions.Add(1);

    public void Registration(int statusCode) =>
        _registrations.Add(1, new KeyValuePair<string, object?>("status_code", (uint)statusCode < (uint)StatusCodes.Length ? StatusCodes[statusCode] : statusCode));

    public void AuthFailure(string reason) => _authFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Qualify(bool reachable) => _qualify.Add(1, new KeyValuePair<string, object?>("result", reachable ? "reachable" : "unreachable"));

    public void Call(K7.Sip.Proxy.CallEventKind kind) => _calls.Add(1, new KeyValuePair<string, object?>("event", kind.ToString()));

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
