using System.Globalization;
using K7.Routing;
using K7.Sip.Authentication;
using K7.Sip.Devices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace K7.Sip.Registrar.Sample;

/// <summary>Composes the registrar sample: K7.Sip through DI, the users file as the credential store, one device per user.</summary>
public static class RegistrarHost
{
    /// <summary>Builds the host (not started) for a command line.</summary>
    /// <param name="commandLine">The parsed command line.</param>
    /// <param name="clock">The clock, or <see langword="null"/> for the system clock.</param>
    public static IHost Build(RegistrarCommandLine commandLine, IClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var users = UsersFile.Load(commandLine.UsersFile ?? Path.Combine(AppContext.BaseDirectory, "users.txt"));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(commandLine.Quiet ? LogLevel.Warning : LogLevel.Information);
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.Services.AddSingleton<ICredentialStore>(users);
        if (commandLine.DevicesFile is { } devicesFile)
        {
            builder.Services.AddSingleton<IDeviceStore>(new JsonFileDeviceStore(devicesFile));
        }

        if (commandLine.RulesFiles.Count > 0)
        {
            builder.Services.AddK7Routing(o => o.RequireExistingTimeFrames = false);
        }

        builder.Services.AddK7Sip(options =>
        {
            foreach (var address in commandLine.Listen)
            {
                options.Transport.ListenAddresses.Add(address);
            }

            foreach (var domain in commandLine.Domains)
            {
                options.Domains.Add(domain);
            }

            if (commandLine.Realm is { } realm)
            {
                options.Authentication.Realm = realm;
            }

            if (commandLine.Algorithms is { } algorithms)
            {
                options.Authentication.Algorithms = algorithms;
            }

            options.QualifyInterval = Duration.FromSeconds(commandLine.QualifySeconds);
            options.Transport.ReceiveLoopsPerUdpSocket = commandLine.UdpThreads ?? options.Transport.ReceiveLoopsPerUdpSocket;
            options.Registrar.MinExpires = commandLine.MinExpires ?? options.Registrar.MinExpires;
            options.Registrar.MaxExpires = commandLine.MaxExpires ?? options.Registrar.MaxExpires;
            options.RequireAuthentication = !commandLine.NoAuth;
            options.Calls.VoicemailUri = commandLine.VoicemailUri;
            options.Calls.VoicemailRedirect = commandLine.VoicemailRedirect;
            options.Calls.OutboundProxy = commandLine.OutboundProxy;
            if (commandLine.RingTimeoutSeconds is { } ring)
            {
                options.Calls.DefaultRingTimeout = Duration.FromSeconds(ring);
            }
        });

        var host = builder.Build();
        if (commandLine.RulesFiles.Count > 0)
        {
            var routes = host.Services.GetRequiredService<IRouteResolver>();
            foreach (var file in commandLine.RulesFiles)
            {
                routes.SetRules(AnsweringRulesJson.Deserialize(File.ReadAllText(file)));
            }
        }

        AddDevices(host.Services.GetRequiredService<DeviceRegistry>(), users.Usernames);
        return host;
    }

    /// <summary>One line for a device event, as the sample prints it.</summary>
    public static string Describe(DeviceStatusChangedEventArgs e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var registration = e.Status.Registration;
        return registration is null
            ? $"{e.DeviceName} {e.Kind.ToString().ToLowerInvariant()}"
            : string.Create(
                CultureInfo.InvariantCulture,
                $"{e.DeviceName} {e.Kind.ToString().ToLowerInvariant()}: {registration.UserAgent ?? "-"} at {registration.RemoteAddress} ({registration.Transport}), until {registration.ExpiresAt}");
    }

    /// <summary>Adds a device for each user name that starts with an extension (<c>202</c>, <c>202wp</c>), unless it exists.</summary>
    private static void AddDevices(DeviceRegistry registry, IEnumerable<string> usernames)
    {
        foreach (var name in usernames)
        {
            var digits = 0;
            while (digits < name.Length && char.IsAsciiDigit(name[digits]))
            {
                digits++;
            }

            if (digits == 0 || registry.Find(name) is not null)
            {
                continue;
            }

            registry.Add(new Device(name[..digits], name[digits..], model: "Unknown"));
        }
    }
}
