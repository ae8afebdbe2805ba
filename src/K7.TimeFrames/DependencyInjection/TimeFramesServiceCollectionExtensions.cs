using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace K7.TimeFrames;

/// <summary>Registers the K7.TimeFrames services.</summary>
public static class TimeFramesServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IHolidayCalendar"/> (<see cref="PublicHolidayCalendar"/>), <see cref="ITimeFrameCompiler"/>,
    /// <see cref="TimeFrameCatalog"/>, <see cref="IClock"/> (the system clock) and <see cref="IDateTimeZoneProvider"/> (TZDB),
    /// each only if not registered yet, and <see cref="TimeFramesOptions"/> validated at start.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options, or <see langword="null"/>.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddK7TimeFrames(this IServiceCollection services, Action<TimeFramesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptionsWithValidateOnStart<TimeFramesOptions, TimeFramesOptionsValidator>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

#pragma warning disable RS0030 // The one place where the system clock is the default; hosts and tests register their own first.
        services.TryAddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030
        services.TryAddSingleton(DateTimeZoneProviders.Tzdb);
        services.TryAddSingleton<IHolidayCalendar, PublicHolidayCalendar>();
        services.TryAddSingleton<ITimeFrameCompiler, TimeFrameCompiler>();
        services.TryAddSingleton<TimeFrameCatalog>();
        return services;
    }
}
