using K7.Sip.Authentication;
using K7.Sip.Devices;
using K7.Sip.Registrar;
using K7.Sip.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace K7.Sip.Tests.DependencyInjection;

public sealed class SipServiceCollectionExtensionsTests
{
    private static readonly FakeClock Clock = new(Instant.FromUtc(2025, 3, 10, 9, 0));

    private static ServiceProvider CreateProvider(Action<SipOptions>? configure = null, Action<IServiceCollection>? before = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(Clock);
        before?.Invoke(services);
        services.AddK7Sip(o =>
        {
            o.Transport.ListenAddresses.Add(SipListenAddress.Parse("udp:127.0.0.1:0"));
            configure?.Invoke(o);
        });
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task AddK7Sip_Defaults_ResolvesServerAndItsParts()
    {
        await using var provider = CreateProvider();

        var server = provider.GetRequiredService<SipServer>();

        Assert.Same(provider.GetRequiredService<LocationService>(), server.Locations);
        Assert.Same(provider.GetRequiredService<DigestAuthenticator>(), server.Authenticator);
        Assert.Same(provider.GetRequiredService<DeviceRegistry>(), server.Devices);
        Assert.IsType<InMemoryCredentialStore>(provider.GetRequiredService<ICredentialStore>());
        Assert.IsType<InMemoryDeviceStore>(provider.GetRequiredService<IDeviceStore>());
        Assert.Same(server, Assert.Single(provider.GetServices<IHostedService>()));
    }

    [Fact]
    public void AddK7Sip_CalledTwice_OneHostedServiceAndOneServer()
    {
        var services = new ServiceCollection().AddSingleton<IClock>(Clock);

        var returned = services.AddK7Sip().AddK7Sip();

        Assert.Same(services, returned);
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService));
        Assert.Single(services, d => d.ServiceType == typeof(SipServer));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<SipOptions>));
        Assert.Single(services, d => d.ServiceType == typeof(IClock));
    }

    [Fact]
    public void AddK7Sip_NullServices_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => SipServiceCollectionExtensions.AddK7Sip(null!));
    }

    [Fact]
    public void Options_TimerResolutionZero_ValueThrows()
    {
        using var provider = CreateProvider(o => o.TimerResolution = Duration.Zero);

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SipOptions>>().Value);

        Assert.Contains("TimerResolution", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_MinExpiresAboveMaxExpires_ValueThrows()
    {
        using var provider = CreateProvider(o =>
        {
            o.Registrar.MinExpires = 7200;
            o.Registrar.MaxExpires = 3600;
        });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SipOptions>>().Value);

        Assert.Contains("MaxExpires", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_InvalidOptions_HostFailsToStart()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<IClock>(Clock);
        builder.Services.AddK7Sip(o =>
        {
            o.Transport.ListenAddresses.Add(SipListenAddress.Parse("udp:127.0.0.1:0"));
            o.TimerResolution = Duration.Zero;
        });
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("TimerResolution", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_ValidOptions_ServerListens()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<IClock>(Clock);
        builder.Services.AddK7Sip(o => o.Transport.ListenAddresses.Add(SipListenAddress.Parse("udp:127.0.0.1:0")));
        using var host = builder.Build();

        await host.StartAsync();
        var bound = Assert.Single(host.Services.GetRequiredService<SipServer>().BoundAddresses);
        await host.StopAsync();

        Assert.Equal(SipTransportProtocol.Udp, bound.Protocol);
        Assert.NotEqual(0, bound.EndPoint.Port);
    }

    [Fact]
    public void Realm_NotSetWithDomains_IsFirstDomain()
    {
        using var provider = CreateProvider(o =>
        {
            o.Domains.Add("pbx.example.com");
            o.Domains.Add("10.0.0.5");
        });

        Assert.Equal("pbx.example.com", provider.GetRequiredService<DigestAuthenticator>().Realm);
    }

    [Fact]
    public void Realm_NotSetWithoutDomains_IsK7()
    {
        using var provider = CreateProvider();

        Assert.Equal("k7", provider.GetRequiredService<DigestAuthenticator>().Realm);
    }

    [Fact]
    public void Realm_Set_IsKept()
    {
        using var provider = CreateProvider(o =>
        {
            o.Domains.Add("pbx.example.com");
            o.Authentication.Realm = "office";
        });

        Assert.Equal("office", provider.GetRequiredService<DigestAuthenticator>().Realm);
    }

    [Fact]
    public async Task CredentialStore_RegisteredBefore_WinsOverDefault()
    {
        var store = new InMemoryCredentialStore();
        store.Add("202wp", SipCredential.FromPassword("secret-202wp"));
        using var provider = CreateProvider(before: s => s.AddSingleton<ICredentialStore>(store));
        var authenticator = provider.GetRequiredService<DigestAuthenticator>();

        var nonce = DigestClientNonce(authenticator.CreateChallenges()[0]);
        var ha1 = DigestCalculator.ComputeHa1(DigestAlgorithm.Sha256, "202wp", "k7", "secret-202wp");
        var response = DigestCalculator.ComputeResponse(DigestAlgorithm.Sha256, ha1, "REGISTER", "sip:k7", nonce, "00000001", "abc", "auth");
        var credentials = new DigestCredentials("202wp", "k7", nonce, "sip:k7", response, "SHA-256", "abc", null, "auth", "00000001");
        var verification = await authenticator.VerifyAsync(credentials.ToString(), "REGISTER");

        Assert.Same(store, provider.GetRequiredService<ICredentialStore>());
        Assert.Equal(DigestOutcome.Success, verification.Outcome);
    }

    private static string DigestClientNonce(string challenge) => Server.DigestClient.ParseChallenge(challenge)["nonce"];
}
