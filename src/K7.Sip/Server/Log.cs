using System.Net;
using K7.Sip.Authentication;
using K7.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace K7.Sip;

/// <summary>The server's log messages (source-generated, no allocation when the level is off).</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "SIP server listening on {Address}")]
    public static partial void Listening(ILogger logger, SipListenAddress address);

    [LoggerMessage(2, LogLevel.Debug, "Dropped a malformed message from {Protocol} {Remote}: {Reason}")]
    public static partial void ParseError(ILogger logger, SipTransportProtocol protocol, IPEndPoint remote, string reason);

    [LoggerMessage(3, LogLevel.Debug, "REGISTER {Aor}: {StatusCode} {Detail}")]
    public static partial void Registered(ILogger logger, string aor, int statusCode, string detail);

    [LoggerMessage(4, LogLevel.Warning, "Authentication failed for {User}: {Outcome} {Reason}")]
    public static partial void AuthenticationFailed(ILogger logger, string user, DigestOutcome outcome, string reason);

    [LoggerMessage(5, LogLevel.Debug, "Response {StatusCode} matches no client transaction (branch {Branch})")]
    public static partial void StrayResponse(ILogger logger, int statusCode, string branch);

    [LoggerMessage(6, LogLevel.Error, "A timer round failed")]
    public static partial void TimerFault(ILogger logger, Exception exception);

    [LoggerMessage(7, LogLevel.Debug, "Call {CallId} to {User}: {Kind} {Device} {Outcome}")]
    public static partial void Call(ILogger logger, string callId, string user, K7.Sip.Proxy.CallEventKind kind, string? device, K7.Sip.Proxy.CallOutcome? outcome);

    [LoggerMessage(8, LogLevel.Information, "Call {CallId} to {User}: {Decision}")]
    public static partial void CallRouted(ILogger logger, string callId, string user, string decision);

    [LoggerMessage(9, LogLevel.Warning, "Call {CallId} to {User}: the rule screens callers or confirms off-net answers, but no ICallMediaHooks is registered; skipped")]
    public static partial void MediaHookMissing(ILogger logger, string callId, string user);
}
