using K7.Sip.Registrar;
using K7.Sip.Registrar.Sample;
using K7.Sip.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace K7.Sip.Tests.Peers;

/// <summary>The registrar sample, composed as its program does, listening on a free port of 127.0.0.1.</summary>
internal sealed class RegistrarUnderTest : IAsyncDisposable
{
    private readonly IHost _host;

    private RegistrarUnderTest(IHost host, string folder)
    {
        _host = host;
        Folder = folder;
        Server = host.Services.GetRequiredService<SipServer>();
    }

    public string Folder { get; }

    public SipServer Server { get; }

    public LocationService Locations => Server.Locations;

    public int UdpPort => Server.BoundAddresses.First(a => a.Protocol == SipTransportProtocol.Udp).EndPoint.Port;

    public int TcpPort => Server.BoundAddresses.First(a => a.Protocol == SipTransportProtocol.Tcp).EndPoint.Port;

    /// <summary>Starts the sample with the given users ("name:password" lines) and extra command-line options.</summary>
    public static async Task<RegistrarUnderTest> StartAsync(string name, IEnumerable<string> users, params string[] options)
    {
        var folder = PeerProcess.TempFolder(name);
        var usersFile = Path.Combine(folder, "users.txt");
        await File.WriteAllLinesAsync(usersFile, users);
        string[] args = ["--listen", "udp:127.0.0.1:0", "--listen", "tcp:127.0.0.1:0", "--users", usersFile, "--realm", "127.0.0.1", "--quiet", .. options];
        var host = RegistrarHost.Build(RegistrarCommandLine.Parse(args));
        await host.StartAsync();
        return new RegistrarUnderTest(host, folder);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a peer may still hold a log file open; the folder is under the temp directory
        }
    }
}
