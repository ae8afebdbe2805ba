using K7.Sip.Tests.Server;
using static K7.Sip.Tests.Proxy.CallMessages;

namespace K7.Sip.Tests.Proxy;

/// <summary>A phone registered at an alias of the domain (the server's address) is reached by calls to the domain, and the other way round.</summary>
public sealed class SipServerAliasCallTests
{
    [Theory]
    [InlineData("127.0.0.1", ServerHarness.Domain)]
    [InlineData(ServerHarness.Domain, "127.0.0.1")]
    public async Task Invite_ReachesAPhoneRegisteredUnderTheOtherNameOfTheDomain(string registeredAt, string calledAt)
    {
        await using var harness = await ServerHarness.StartAsync(o =>
        {
            o.Domains.Add(ServerHarness.Domain);
            o.DomainAliases.Add("127.0.0.1");
        });
        using var phone = harness.CreatePhone();
        var (registered, _) = await phone.RegisterAsync(phone.Register("202") with { Domain = registeredAt });
        Assert.Equal(200, registered.StatusCode);
        using var caller = harness.CreatePhone();

        var invite = Invite(caller.LocalEndPoint, "202", "alias-call@test", "ctag", "z9hG4bKalias")
            .Replace("sip:202@" + ServerHarness.Domain, "sip:202@" + calledAt, StringComparison.Ordinal);
        await caller.SendAsync(invite);

        var forwarded = await ExpectRequestAsync(phone, SipMethod.Invite);
        Assert.Equal("alias-call@test", forwarded.CallId);
    }
}
