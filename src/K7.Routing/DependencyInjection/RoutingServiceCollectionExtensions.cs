using K7.TimeFrames;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace K7.Routing;

/// <summary>Registers the K7.Routing services.</summary>
public static class RoutingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IRouteResolver"/> (<see cref="RouteResolver"/>) and <see cref="RoutingOptions"/> validated at
    /// start, plus the K7.TimeFrames services it needs (<see cref="TimeFramesServiceCollectionExtensions.AddK7TimeFrames"/>);
    /// each only if not registered yet.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options, or <see langword="null"/>.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddK7Routing(this IServiceCollection services, Action<RoutingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddK7TimeFrames();
        services.AddOptionsWithValidateOnStart<RoutingOptions, RoutingOptionsValidator>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton<IRouteResolver, RouteResolver>();
        return services;
    }
}
