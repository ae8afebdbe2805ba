using K7.Sip.Authentication;
using K7.Sip.Devices;
using K7.Sip.Registrar;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace K7.Sip;

/// <summary>Registers K7.Sip with a service collection.</summary>
public static class SipServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SIP registrar server (<see cref="SipServer"/>, started and stopped by the host), the
    /// <see cref="LocationService"/>, the <see cref="DigestAuthenticator"/>, the <see cref="DeviceRegistry"/> and their
    /// defaults: an empty <see cref="InMemoryCredentialStore"/> as <see cref="ICredentialStore"/> and an
    /// <see cref="InMemoryDeviceStore"/> as <see cref="IDeviceStore"/>, each replaceable by registering your own first.
    /// Options are validated when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The same service collection.</returns>
    /// <remarks>
    /// When <see cref="DigestAuthenticationOptions.Realm"/> is empty, the realm is the first of
    /// <see cref="SipOptions.Domains"/>, or <c>k7</c> when no domain is set.
    /// </remarks>
    public static IServiceCollection AddK7Sip(this IServiceCollection services, Action<SipOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SipOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SipOptions>, SipOptionsValidator>());
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.PostConfigure<SipOptions>(options =>
        {
            if (string.IsNullOrEmpty(options.Authentication.Realm))
            {
                options.Authentication.Realm = options.Domains.Count > 0 ? options.Domains[0] : "k7";
            }
        });

#pragma warning disable RS0030 // The one place that may default to the system clock.
        services.TryAddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030
        services.TryAddSingleton<ICredentialStore, InMemoryCredentialStore>();
        services.TryAddSingleton<IDeviceStore, InMemoryDeviceStore>();
        services.TryAddSingleton(sp => new LocationService(sp.GetRequiredService<IOptions<SipOptions>>().Value.Registrar, sp.GetRequiredService<IClock>()));
        services.TryAddSingleton(sp => new DigestAuthenticator(
            sp.GetRequiredService<IOptions<SipOptions>>().Value.Authentication,
            sp.GetRequiredService<ICredentialStore>(),
            sp.GetRequiredService<IClock>()));
        services.TryAddSingleton(sp => new DeviceRegistry(sp.GetRequiredService<IDeviceStore>(), sp.GetRequiredService<IClock>()));
        services.TryAddSingleton(sp => new SipServer(
            sp.GetRequiredService<IOptions<SipOptions>>(),
            sp.GetRequiredService<LocationService>(),
            sp.GetRequiredService<DigestAuthenticator>(),
            sp.GetRequiredService<DeviceRegistry>(),
            sp.GetRequiredService<IClock>(),
            sp.GetService<ILoggerFactory>(),
            sp.GetService<System.Diagnostics.Metrics.IMeterFactory>(),
            sp.GetService<K7.Routing.IRouteResolver>(),
            sp.GetService<K7.Sip.Proxy.ICallMediaHooks>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SipServer>(sp => sp.GetRequiredService<SipServer>()));
        return services;
    }
}
