using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using K7.Sip.Authentication;
using K7.Sip.Devices;
using K7.Sip.Registrar;
using K7.Sip.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace K7.Sip.Tests.Server;

/// <summary>
/// A <see cref="SipServer"/> built without a host, on a <see cref="FakeClock"/>, listening on free ports of 127.0.0.1
/// (UDP and TCP), with a few users and devices. Its timers run only when the clock moves: tests advance
/// <see cref="Clock"/> and call <see cref="ProcessTimers"/>.
/// </summary>
internal sealed class ServerHarness : IAsyncDisposable
{
    public const string Domain = "pbx.example.com";

    public const string Realm = "pbx.example.com";

    /// <summary>The users: device names (and one bare extension) with their passwords.</summary>
    public static readonly IReadOnlyDictionary<string, string> Users = new Dictionary<string, string>
    {
        ["202wp"] = "secret-202wp",
        ["203hd"] = "secret-203hd",
        ["204"] = "secret-204",
        ["202"] = "secret-202",
    };

    private readonly ServiceProvider _services;
    private readonly ConcurrentQueue<DeviceStatusChangedEventArgs> _statusChanges = new();

    private ServerHarness(SipServer server, FakeClock clock, ServiceProvider services)
    {
        Server = server;
        Clock = clock;
        _services = services;
        MeterFactory = services.GetRequiredService<IMeterFactory>();
        server.Devices.StatusChanged += (_, e) => _statusChanges.Enqueue(e);
    }

    public SipServer Server { get; }

    public FakeClock Clock { get; }

    public IMeterFactory MeterFactory { get; }

    public LocationService Locations => Server.Locations;

    public DeviceRegistry Devices => Server.Devices;

    /// <summary>Gets the device status changes raised so far, in order.</summary>
    public IReadOnlyList<DeviceStatusChangedEventArgs> StatusChanges => [.. _statusChanges];

    public IPEndPoint UdpEndPoint => Server.BoundAddresses.First(a => a.Protocol == SipTransportProtocol.Udp).EndPoint;

    public IPEndPoint TcpEndPoint => Server.BoundAddresses.First(a => a.Protocol == SipTransportProtocol.Tcp).EndPoint;

    /// <summary>
    /// Builds and starts a server. Qualify is off unless <paramref name="configure"/> turns it on, so that a test that
    /// moves the clock a minute does not receive OPTIONS it did not ask for.
    /// </summary>
    public static async Task<ServerHarness> StartAsync(Action<SipOptions>? configure = null, K7.Routing.IRouteResolver? routes = null, K7.Sip.Proxy.ICallMediaHooks? hooks = null)
    {
        var clock = new FakeClock(Instant.FromUtc(2025, 3, 10, 9, 0));
        var options = new SipOptions { QualifyInterval = Duration.Zero };
        options.Transport.ListenAddresses.Add(SipListenAddress.Parse("udp:127.0.0.1:0"));
        options.Transport.ListenAddresses.Add(SipListenAddress.Parse("tcp:127.0.0.1:0"));
        options.Authentication.Realm = Realm;
        configure?.Invoke(options);

        var credentials = new InMemoryCredentialStore();
        foreach (var (user, password) in Users)
        {
            credentials.Add(user, SipCredential.FromPassword(password));
        }

        var devices = new DeviceRegistry(
            new InMemoryDeviceStore(
            [
                new Device("202", "wp", "Polycom VVX 411"),
                new Device("203", "hd", "Yealink T54W"),
                new Device("204", string.Empty, "Snom D785"),
            ]),
            clock);
        var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var server = new SipServer(
            Options.Create(options),
            new LocationService(options.Registrar, clock),
            new DigestAuthenticator(options.Authentication, credentials, clock),
            devices,
            clock,
            loggerFactory: null,
            meterFactory: services.GetRequiredService<IMeterFactory>(),
            routes: routes,
            mediaHooks: hooks);
        var harness = new ServerHarness(server, clock, services);
        await server.StartAsync(CancellationToken.None);
        harness.ProcessTimers(); // the first round arms the qualify schedule at the start time
        return harness;
    }

    /// <summary>A collector of one <c>K7.Sip</c> instrument of this server only.</summary>
    public MetricCollector<long> Collect(string instrumentName) => new(MeterFactory, "K7.Sip", instrumentName);

    /// <summary>A phone on a UDP socket of its own, talking to this server.</summary>
    public UdpPhone CreatePhone() => new(UdpEndPoint);

    public void ProcessTimers() => Server.ProcessTimers();

    /// <summary>Moves the clock in steps of <paramref name="step"/> up to <paramref name="total"/>, running the timers after each step.</summary>
    public void AdvanceInSteps(Duration total, Duration step)
    {
        for (var elapsed = Duration.Zero; elapsed < total; elapsed += step)
        {
            Clock.Advance(step);
            ProcessTimers();
        }
    }

    /// <summary>A task that completes with the first status change that matches, raised after this call.</summary>
    public Task<DeviceStatusChangedEventArgs> NextStatusChangeAsync(Func<DeviceStatusChangedEventArgs, bool> predicate, TimeSpan timeout)
    {
        var source = new TaskCompletionSource<DeviceStatusChangedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        EventHandler<DeviceStatusChangedEventArgs> handler = (_, e) =>
        {
            if (predicate(e))
            {
                source.TrySetResult(e);
            }
        };
        Devices.StatusChanged += handler;
        return WaitAsync();

        async Task<DeviceStatusChangedEventArgs> WaitAsync()
        {
            try
            {
                return await source.Task.WaitAsync(timeout);
            }
            finally
            {
                Devices.StatusChanged -= handler;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await _services.DisposeAsync();
    }
}
