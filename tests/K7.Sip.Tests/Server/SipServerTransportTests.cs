using K7.Sip.Authentication;
using K7.Sip.Registrar;

namespace K7.Sip.Tests.Server;

/// <summary>The registrar over TCP: requests and their responses share the phone's connection.</summary>
public sealed class SipServerTransportTests
{
    [Fact]
    public async Task Register_OverTcpWithCredentials_OkOnSameConnection()
    {
        await using var harness = await ServerHarness.StartAsync();
        await using var phone = await TcpPhone.ConnectAsync(harness.TcpEndPoint);
        var request = phone.Register("203hd");

        var challenge = await phone.RequestAsync(request);
        Assert.Equal(401, challenge.StatusCode);
        var response = await phone.RequestAsync(DigestClient.Answer(challenge, request, "203hd", ServerHarness.Users["203hd"], DigestAlgorithm.Sha256));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("TCP", response.Vias[0].Transport);
        Assert.Equal("<" + "sip:203hd@" + phone.LocalEndPoint + ";transport=tcp>;expires=3600", Assert.Single(response.Headers.GetValues("Contact")));
        var binding = Assert.Single(harness.Locations.Lookup(AddressOfRecord.Canonical("sip", "203hd", ServerHarness.Domain)));
        Assert.Equal("TCP", binding.Source.Transport);
        Assert.Equal(phone.LocalEndPoint, binding.Source.Remote);
        var registration = harness.Devices.GetStatus("203hd")!.Registration;
        Assert.NotNull(registration);
        Assert.Equal("TCP", registration.Transport);
        Assert.Equal(1, harness.Server.TransportCounters.ConnectionsOpened);
    }
}
