using System.Net;

namespace K7.Sip.Registrar;

/// <summary>Where a REGISTER came from: the transport and both ends of the connection or datagram.</summary>
/// <param name="Transport">The transport name as used in a Via header, such as "UDP", "TCP" or "TLS".</param>
/// <param name="Remote">The address and port the request came from (the device, or the last proxy).</param>
/// <param name="Local">The local address and port the request arrived on.</param>
public sealed record RegisterSource(string Transport, IPEndPoint Remote, IPEndPoint Local);
