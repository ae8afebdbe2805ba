using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using K7.SampleHost.Seed;
using K7.Sip;
using K7.Sip.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace K7.SampleHost.Tests;

/// <summary>
/// The reference host as <c>dotnet run</c> starts it, on free ports of 127.0.0.1 and a fresh data folder (the demo
/// domain seeded), with cheap password hashing. Pass a <see cref="FakeClock"/> for API tests; calls through SIP use the
/// system clock (real phones keep real time).
/// </summary>
internal sealed class HostUnderTest : IAsyncDisposable
{
    /// <summary>Tuesday 3 June 2025, 10:00 in New York: the day of the guide's call history.</summary>
    public static readonly Instant GuideMorning = Instant.FromUtc(2025, 6, 3, 14, 0);

    private readonly WebApplication _app;
    private readonly bool _deleteFolder;

    private HostUnderTest(WebApplication app, string folder, bool deleteFolder, FakeClock? clock)
    {
        _app = app;
        _deleteFolder = deleteFolder;
        Folder = folder;
        Clock = clock;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public string Folder { get; }

    public FakeClock? Clock { get; }

    public Uri BaseAddress { get; }

    /// <summary>A client that is not signed in.</summary>
    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public SipServer Sip => Services.GetRequiredService<SipServer>();

    public int SipUdpPort => Sip.BoundAddresses.First(a => a.Protocol == SipTransportProtocol.Udp).EndPoint.Port;

    public int SipTcpPort => Sip.BoundAddresses.First(a => a.Protocol == SipTransportProtocol.Tcp).EndPoint.Port;

    /// <summary>Starts a host; <paramref name="folder"/> reuses a data folder (a restart), else a new one is made and deleted at the end.</summary>
    public static async Task<HostUnderTest> StartAsync(FakeClock? clock = null, string? folder = null, params string[] extraArgs)
    {
        var deleteFolder = folder is null;
        folder ??= Path.Combine(Path.GetTempPath(), "k7-host-" + Guid.NewGuid().ToString("N")[..12]);
        string[] args =
        [
            "--data", folder, "--http", "http://127.0.0.1:0", "--sip-udp", "0", "--sip-tcp", "0", "--K7:Sip:VoicemailPort=0",
            "--K7:PasswordHashIterations=1000", "--K7:Sip:QualifySeconds=0", "--Logging:LogLevel:Default=Warning",
            .. extraArgs,
        ];
        var app = SampleHostApp.Build(args, builder =>
        {
            if (clock is not null)
            {
                builder.Services.AddSingleton<IClock>(clock);
            }
        });
        await app.StartAsync();
        return new HostUnderTest(app, folder, deleteFolder, clock);
    }

    /// <summary>Signs in and returns a client that sends the token.</summary>
    public async Task<HttpClient> SignInAsync(string login, string password = DemoDomain.Password, string? code = null)
    {
        using var response = await Client.PostAsJsonAsync("/api/session", new { login, password, code });
        Assert.True(response.IsSuccessStatusCode, $"sign-in of {login} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_deleteFolder)
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still close a file handle; the folder is under the temp directory
            }
        }
    }

    private sealed record TokenResponse(string AccessToken, string RefreshToken, int ExpiresIn);
}
