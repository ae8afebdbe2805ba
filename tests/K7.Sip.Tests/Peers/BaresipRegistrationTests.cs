using System.Globalization;
using K7.Sip.Devices;
using K7.Sip.Registrar;

namespace K7.Sip.Tests.Peers;

/// <summary>
/// baresip, a real softphone, registers as device 202wp of user 202 with digest authentication, shows up as
/// registered on the device registry, and unregisters when it quits.
/// </summary>
[Trait("Category", "Peers")]
public sealed class BaresipRegistrationTests
{
    private static Task<int> WriteConfigAsync(string folder, int registrarPort, string transport) =>
        BaresipSetup.WriteAsync(folder, string.Create(CultureInfo.InvariantCulture, $"<sip:202wp@127.0.0.1:{registrarPort};transport={transport}>;auth_pass=Ellen-202wp;regint=600"));

    [Theory]
    [InlineData("udp")]
    [InlineData("tcp")]
    public async Task Baresip_RegistersAsDevice_ThenUnregistersOnExit(string transport)
    {
        await using var registrar = await RegistrarUnderTest.StartAsync("baresip-" + transport, ["202:Ellen-202", "202wp:Ellen-202wp"]);
        var added = new TaskCompletionSource<Binding>(TaskCreationOptions.RunContinuationsAsynchronously);
        var removed = new TaskCompletionSource<Binding>(TaskCreationOptions.RunContinuationsAsynchronously);
        DeviceStatus? statusWhileRegistered = null;
        registrar.Locations.BindingChanged += (_, e) =>
        {
            if (e.Change.Kind == BindingChangeKind.Added)
            {
                statusWhileRegistered = registrar.Server.Devices.GetStatus("202wp");
                added.TrySetResult(e.Change.Binding);
            }
            else if (e.Change.Kind == BindingChangeKind.Removed)
            {
                removed.TrySetResult(e.Change.Binding);
            }
        };
        var folder = Path.Combine(registrar.Folder, "baresip");
        Directory.CreateDirectory(folder);
        await WriteConfigAsync(folder, transport == "tcp" ? registrar.TcpPort : registrar.UdpPort, transport);

        var run = await PeerProcess.RunAsync("baresip", ["-f", folder, "-t", "4"], TimeSpan.FromSeconds(30), folder);

        Assert.True(added.Task.IsCompleted, $"baresip never registered (exit {run.ExitCode}):\n{run.Output}");
        var binding = await added.Task;
        Assert.Equal("sip:202wp@127.0.0.1", binding.Aor);
        Assert.StartsWith("baresip", binding.UserAgent, StringComparison.Ordinal);
        Assert.Equal(transport.ToUpperInvariant(), binding.Source.Transport);
        Assert.NotNull(statusWhileRegistered);
        Assert.True(statusWhileRegistered.IsRegistered);

        Assert.True(removed.Task.IsCompleted, $"baresip did not unregister on exit:\n{run.Output}");
        Assert.Empty(registrar.Locations.Lookup("sip:202wp@127.0.0.1"));
        Assert.False(registrar.Server.Devices.GetStatus("202wp")?.IsRegistered ?? false);
    }
}
