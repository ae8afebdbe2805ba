using K7.Sip;
using K7.Sip.Registrar.Sample;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

RegistrarCommandLine commandLine;
try
{
    commandLine = RegistrarCommandLine.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

if (commandLine.Help)
{
    Console.WriteLine(RegistrarCommandLine.Usage);
    return 0;
}

IHost host;
try
{
    host = RegistrarHost.Build(commandLine);
}
catch (Exception ex) when (ex is SipFormatException or IOException or ArgumentException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

using (host)
{
    var server = host.Services.GetRequiredService<SipServer>();
    if (!commandLine.Quiet)
    {
        server.Devices.StatusChanged += (_, e) => Console.WriteLine(RegistrarHost.Describe(e));
    }

    await host.StartAsync();
    foreach (var address in server.BoundAddresses)
    {
        Console.WriteLine($"listening on {address}");
    }

    Console.WriteLine($"realm {server.Authenticator.Realm}; press Ctrl+C to stop");
    await host.WaitForShutdownAsync();
}

return 0;
