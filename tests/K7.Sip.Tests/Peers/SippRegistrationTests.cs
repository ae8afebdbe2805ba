using System.Globalization;
using System.Text;

namespace K7.Sip.Tests.Peers;

/// <summary>
/// SIPp registers hundreds of distinct users with digest authentication against the registrar sample, then
/// unregisters them, over UDP and over TCP. Each SIPp run is bounded by its call count, its own timeout and a kill.
/// </summary>
[Trait("Category", "Peers")]
public sealed class SippRegistrationTests
{
    private static readonly string Scenario = Path.Combine(AppContext.BaseDirectory, "Peers", "Scenarios", "register_auth.xml");

    private static IEnumerable<string> Users(int count) =>
        Enumerable.Range(1, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"user{i}:pw-{i}"));

    private static async Task<string> WriteInjectionFileAsync(string folder, int count, int expires)
    {
        var text = new StringBuilder("SEQUENTIAL\n");
        for (var i = 1; i <= count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"user{i};{expires};[authentication username=user{i} password=pw-{i}]\n");
        }

        var path = Path.Combine(folder, $"inject-{expires}.csv");
        await File.WriteAllTextAsync(path, text.ToString());
        return path;
    }

    private static Task<(int ExitCode, string Output)> RunSippAsync(RegistrarUnderTest registrar, string injection, int count, bool tcp, int localPort)
    {
        var port = tcp ? registrar.TcpPort : registrar.UdpPort;
        string[] arguments =
        [
            "127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture),
            "-sf", Scenario, "-inf", injection,
            "-i", "127.0.0.1", "-p", localPort.ToString(CultureInfo.InvariantCulture),
            "-t", tcp ? "t1" : "u1",
            "-m", count.ToString(CultureInfo.InvariantCulture), "-r", "200", "-l", "400",
            "-nostdin", "-timeout", "60s", "-timeout_error", "-max_recv_loops", "1000",
            "-trace_err", "-error_file", Path.Combine(registrar.Folder, "sipp-errors.log"),
        ];
        return PeerProcess.RunAsync("sipp", arguments, TimeSpan.FromSeconds(90), registrar.Folder);
    }

    [Theory]
    [InlineData(false, 300)]
    [InlineData(true, 100)]
    public async Task Sipp_RegistersAndUnregistersDistinctUsersWithDigestAuth(bool tcp, int count)
    {
        await using var registrar = await RegistrarUnderTest.StartAsync(tcp ? "sipp-tcp" : "sipp-udp", Users(count));

        // Both runs use the same local port, so the contacts of the unregistration are the ones registered.
        var localPort = PeerProcess.FreeUdpPort();
        var register = await RunSippAsync(registrar, await WriteInjectionFileAsync(registrar.Folder, count, 3600), count, tcp, localPort);
        Assert.True(register.ExitCode == 0, $"sipp register run failed (exit {register.ExitCode}):\n{register.Output}");
        Assert.Equal(count, registrar.Locations.Count);
        for (var i = 1; i <= count; i++)
        {
            var bindings = registrar.Locations.Lookup(string.Create(CultureInfo.InvariantCulture, $"sip:user{i}@127.0.0.1"));
            Assert.Single(bindings);
            Assert.Equal("sipp-k7", bindings[0].UserAgent);
        }

        var unregister = await RunSippAsync(registrar, await WriteInjectionFileAsync(registrar.Folder, count, 0), count, tcp, localPort);
        Assert.True(unregister.ExitCode == 0, $"sipp unregister run failed (exit {unregister.ExitCode}):\n{unregister.Output}");
        Assert.Equal(0, registrar.Locations.Count);
    }

    [Fact]
    public async Task Sipp_WrongPassword_IsRefusedAndNothingIsBound()
    {
        await using var registrar = await RegistrarUnderTest.StartAsync("sipp-wrong", ["user1:right"]);
        var injection = Path.Combine(registrar.Folder, "wrong.csv");
        await File.WriteAllTextAsync(injection, "SEQUENTIAL\nuser1;3600;[authentication username=user1 password=wrong]\n");

        var run = await RunSippAsync(registrar, injection, 1, tcp: false, PeerProcess.FreeUdpPort());

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(0, registrar.Locations.Count);
    }
}
