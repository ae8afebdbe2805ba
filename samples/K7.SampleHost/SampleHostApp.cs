using System.Globalization;
using K7.Contacts;
using K7.Routing;
using K7.SampleHost.Api;
using K7.SampleHost.Domain;
using K7.SampleHost.Routing;
using K7.SampleHost.Seed;
using K7.SampleHost.Storage;
using K7.SampleHost.Telephony;
using K7.SampleHost.TimeFrames;
using K7.Sip;
using K7.Sip.Authentication;
using K7.Sip.Devices;
using K7.Sip.Transport;
using K7.Voicemail;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Scalar.AspNetCore;

namespace K7.SampleHost;

/// <summary>Composes the reference host: every K7 package through DI, the portal's HTTP API, SIP on 127.0.0.1.</summary>
public static class SampleHostApp
{
    /// <summary>Short command-line switches (everything else: <c>--K7:Section:Key=value</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> Switches = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--data"] = "K7:DataPath",
        ["--domain"] = "K7:Domain",
        ["--sip-address"] = "K7:Sip:Address",
        ["--sip-udp"] = "K7:Sip:UdpPort",
        ["--sip-tcp"] = "K7:Sip:TcpPort",
        ["--http"] = "Urls",
    };

    /// <summary>Builds the host (not started).</summary>
    /// <param name="args">The command line.</param>
    /// <param name="configure">Changes the builder before it is built (tests register a fake clock here).</param>
    /// <exception cref="InvalidOperationException">The settings are not valid; the message lists each key and why.</exception>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddCommandLine(args, Switches.ToDictionary());
        configure?.Invoke(builder);

        var options = new SampleHostOptions();
        builder.Configuration.GetSection(SampleHostOptions.Section).Bind(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The settings are not valid:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }

        var data = new DataFolder(string.IsNullOrWhiteSpace(options.DataPath) ? DefaultDataPath() : options.DataPath);
        var settings = new HostSettings(options, data);
        AddServices(builder.Services, settings);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        app.MapScalarApiReference(o => o.WithTitle("K7 reference host").AddPreferredSecuritySchemes(BearerTokenDefaults.AuthenticationScheme));
        app.MapGet("/", () => Results.Redirect("/scalar/v1")).ExcludeFromDescription();
        PortalApi.Map(app);
        app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app, settings));
        return app;
    }

    /// <summary>The data folder when none is configured: <c>K7.SampleHost</c> under the platform's local application data.</summary>
    public static string DefaultDataPath() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "K7.SampleHost");

    private static void AddServices(IServiceCollection services, HostSettings settings)
    {
        var options = settings.Options;
        var data = settings.Data;

        // The host's clock first: every package takes the registered IClock (tests register a fake one before this).
#pragma warning disable RS0030 // The host is where the system clock is chosen.
        services.TryAddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030
        services.AddSingleton<TimeProvider>(sp => new ClockTimeProvider(sp.GetRequiredService<IClock>()));
        services.AddSingleton(settings);
        services.AddSingleton(data);
        services.AddSingleton(new UserDirectory(data.DomainFile));
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<PasswordHashing>();

        // Loads rules and seeds the demo domain before the other hosted services (voicemail, contacts, SIP) start.
        services.AddHostedService<DemoSeeder>();

        services.AddK7Routing(o => o.DefaultRegion = options.DefaultRegion);
        services.AddSingleton<TimeFrameStore>();
        services.AddSingleton<AnsweringRulesStore>();
        services.AddK7Voicemail(o =>
        {
            o.StorePath = data.VoicemailFolder;
            o.TimeZone = options.TimeZone;
        });
        services.AddK7Contacts(o =>
        {
            o.DatabasePath = data.ContactsDatabase;
            o.DefaultRegion = options.DefaultRegion;
        });
        services.AddSingleton<ICredentialStore, PortalCredentialStore>();
        services.AddSingleton<IDeviceStore>(new JsonFileDeviceStore(data.DevicesFile));
        services.AddK7Sip(o =>
        {
            o.Transport.ListenAddresses.Add(SipListenAddress.Parse(string.Create(CultureInfo.InvariantCulture, $"udp:{options.Sip.Address}:{options.Sip.UdpPort}")));
            o.Transport.ListenAddresses.Add(SipListenAddress.Parse(string.Create(CultureInfo.InvariantCulture, $"tcp:{options.Sip.Address}:{options.Sip.TcpPort}")));
            // One domain: phones may register and call with its name (as Login Info gives it) or with the SIP address.
            o.Domains.Add(options.Domain);
            o.DomainAliases.Add(options.Sip.Address);
            o.Authentication.Realm = options.Domain;
            o.QualifyInterval = Duration.FromSeconds(options.Sip.QualifySeconds);
            o.Calls.VoicemailUri = string.IsNullOrEmpty(options.Sip.VoicemailUri) ? null : options.Sip.VoicemailUri;
            o.Calls.VoicemailRedirect = options.Sip.VoicemailRedirect;
            o.Calls.DefaultRingTimeout = Duration.FromSeconds(options.Sip.RingTimeoutSeconds);
        });

        if (string.IsNullOrEmpty(options.Sip.VoicemailUri))
        {
            // The host's own voicemail: the proxy sends voicemail calls to it, and it records them into the mailbox.
            services.AddSingleton<VoicemailRecorder>();
            services.AddHostedService(sp => sp.GetRequiredService<VoicemailRecorder>());
            services.AddSingleton<IConfigureOptions<SipOptions>>(sp => new ConfigureOptions<SipOptions>(o =>
            {
                o.Calls.VoicemailUri = sp.GetRequiredService<VoicemailRecorder>().UriTemplate;
                o.Calls.VoicemailRedirect = false;
            }));
        }

        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(data.KeysFolder)).SetApplicationName("K7.SampleHost");
        services.AddAuthentication(BearerTokenDefaults.AuthenticationScheme).AddBearerToken(o =>
        {
            o.BearerTokenExpiration = TimeSpan.FromHours(1);
            o.RefreshTokenExpiration = TimeSpan.FromDays(14);
        });
        services.AddAuthorization();
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();

        // Bad JSON and bad parameters reach ApiExceptionHandler, which names the property, instead of a bare 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb));
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityTransformer>());
        PortalApi.AddPages(services);
    }

    private static void PrintBanner(WebApplication app, HostSettings settings)
    {
        var urls = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var sip = app.Services.GetRequiredService<SipServer>();
        var users = app.Services.GetRequiredService<UserDirectory>();
        var lines = new List<string>
        {
            "K7 reference host",
            $"  data folder:   {settings.Data.Root}",
            $"  HTTP API:      {string.Join(", ", urls)}  (API reference: /scalar/v1, OpenAPI: /openapi/v1.json)",
            $"  SIP:           {string.Join(", ", sip.BoundAddresses)}  (domain {settings.Options.Domain})",
            $"  voicemail:     {app.Services.GetRequiredService<IOptions<SipOptions>>().Value.Calls.VoicemailUri ?? "none"}",
        };
        if (settings.Options.SeedDemoDomain && users.All.All(u => app.Services.GetRequiredService<PasswordHashing>().Matches(DemoDomain.Password, u.PasswordHash)))
        {
            lines.Add($"  sign in as:    {string.Join(", ", users.All.Select(u => $"{u.Login} ({u.DisplayName}{(u.Role == PortalRole.OfficeManager ? ", office manager" : string.Empty)})"))}");
            lines.Add($"  password:      {DemoDomain.Password}  (the demo users' password; change it on the Profile page)");
        }

        Console.Out.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
