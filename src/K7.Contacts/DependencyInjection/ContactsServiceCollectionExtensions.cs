using K7.Contacts.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;

namespace K7.Contacts;

/// <summary>Registers K7.Contacts with a service collection.</summary>
public static class ContactsServiceCollectionExtensions
{
    /// <summary>
    /// Adds contacts on embedded defaults: a <see cref="ContactDirectory"/> over a <see cref="SqliteContactStore"/> at
    /// <see cref="ContactsOptions.DatabasePath"/>, loaded when the host starts; a <see cref="PresenceTracker"/>; numbers
    /// normalized for <see cref="ContactsOptions.DefaultRegion"/>; <see cref="ContactImporter"/> and
    /// <see cref="ContactExporter"/>. Every part is registered with <c>TryAdd</c>: register your own
    /// <see cref="IContactStore"/> (such as <see cref="InMemoryContactStore"/>) first to replace the database. Options
    /// are validated when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddK7Contacts(this IServiceCollection services, Action<ContactsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ContactsOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ContactsOptions>, ContactsOptionsValidator>());
        if (configure is not null)
        {
            services.Configure(configure);
        }

#pragma warning disable RS0030 // The one place the system clock is the default; hosts and tests register their own first.
        services.TryAddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030
        services.TryAddSingleton(sp => new ContactNumberNormalizer(sp.GetRequiredService<IOptions<ContactsOptions>>().Value.DefaultRegion));
        services.TryAddSingleton(sp => new PresenceTracker(sp.GetRequiredService<IClock>()));
        services.TryAddSingleton<IContactStore>(sp => new SqliteContactStore(sp.GetRequiredService<IOptions<ContactsOptions>>().Value.DatabasePath));
        services.TryAddSingleton(sp => new ContactDirectory(
            sp.GetRequiredService<IContactStore>(),
            sp.GetRequiredService<PresenceTracker>(),
            sp.GetRequiredService<ContactNumberNormalizer>()));
        services.TryAddSingleton<ContactImporter>();
        services.TryAddSingleton<ContactExporter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ContactDirectoryLoader>());
        return services;
    }
}
