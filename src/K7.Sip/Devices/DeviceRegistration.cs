using System.Net;
using NodaTime;

namespace K7.Sip.Devices;

/// <summary>A device's current registration: what the registrar learned from its last successful REGISTER.</summary>
/// <param name="UserAgent">The User-Agent header (the "Device Type" column), or <see langword="null"/>.</param>
/// <param name="ContactUri">The registered Contact URI.</param>
/// <param name="RemoteAddress">The address the REGISTER came from (the "IP Address" column).</param>
/// <param name="Transport">The transport (<c>UDP</c>, <c>TCP</c>, <c>TLS</c>, <c>WSS</c>).</param>
/// <param name="RegisteredAt">When the registration was made or last refreshed.</param>
/// <param name="ExpiresAt">When it expires unless refreshed.</param>
public sealed record DeviceRegistration(
    string? UserAgent,
    string ContactUri,
    IPEndPoint RemoteAddress,
    string Transport,
    Instant RegisteredAt,
    Instant ExpiresAt);
