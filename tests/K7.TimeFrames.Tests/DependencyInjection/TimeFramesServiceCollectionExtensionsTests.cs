using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace K7.TimeFrames.Tests.DependencyInjection;

public sealed class TimeFramesServiceCollectionExtensionsTests
{
    private static readonly ServiceProviderOptions Strict = new() { ValidateOnBuild = true, ValidateScopes = true };

    [Fact]
    public void AddK7TimeFrames_CalledTwice_RegistersEachServiceOnceAndResolves()
    {
        var services = new ServiceCollection().AddSingleton<IClock>(new FakeClock(Instant.FromUtc(2025, 6, 1, 12, 0)));

        services.AddK7TimeFrames().AddK7TimeFrames();

        foreach (var type in new[] { typeof(IClock), typeof(IDateTimeZoneProvider), typeof(IHolidayCalendar), typeof(ITimeFrameCompiler), typeof(TimeFrameCatalog) })
        {
            Assert.Single(services, d => d.ServiceType == type);
        }

        using var provider = services.BuildServiceProvider(Strict);
        Assert.Same(provider.GetRequiredService<TimeFrameCatalog>(), provider.GetRequiredService<TimeFrameCatalog>());
        Assert.Single(provider.GetServices<IValidateOptions<TimeFramesOptions>>());
        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void AddK7TimeFrames_ClockRegisteredBefore_KeepsIt()
    {
        var clock = new FakeClock(Instant.FromUtc(2025, 6, 1, 12, 0));
        var services = new ServiceCollection().AddSingleton<IClock>(clock);

        services.AddK7TimeFrames();

        using var provider = services.BuildServiceProvider(Strict);
        Assert.Same(clock, provider.GetRequiredService<IClock>());
    }

    [Fact]
    public void AddK7TimeFrames_HolidayCalendarRegisteredBefore_KeepsItAndCompilesAgainstIt()
    {
        var calendar = new OneHolidayCalendar();
        var services = new ServiceCollection()
            .AddSingleton<IClock>(new FakeClock(Instant.FromUtc(2025, 6, 1, 12, 0)))
            .AddSingleton<IHolidayCalendar>(calendar);

        services.AddK7TimeFrames();

        using var provider = services.BuildServiceProvider(Strict);
        Assert.Same(calendar, provider.GetRequiredService<IHolidayCalendar>());
        var frame = new TimeFrame("Founding", TimeFrameOwner.Domain, DateTimeZone.Utc, new HolidaysDefinition(HolidaySelection.FromCalendar("ZZ", "founding-day")));
        var compiled = provider.GetRequiredService<ITimeFrameCompiler>().Compile(frame);
        Assert.True(compiled.IsActive(Instant.FromUtc(2025, 3, 3, 12, 0)));
        Assert.False(compiled.IsActive(Instant.FromUtc(2025, 3, 4, 12, 0)));
    }

    [Fact]
    public void AddK7TimeFrames_SearchHorizonConfigured_LimitsNextOn()
    {
        var outOfOffice = new TimeFrame(
            "Out of Office",
            TimeFrameOwner.Domain,
            DateTimeZoneProviders.Tzdb["America/New_York"],
            new HolidaysDefinition(HolidaySelection.FromCalendar("US", "new-year") with { OnlyInYear = 2026 }));
        var from = Instant.FromUtc(2024, 6, 1, 0, 0);

        using var oneYear = Build(o => o.SearchHorizonYears = 1);
        using var tenYears = Build(o => o.SearchHorizonYears = 10);

        Assert.Null(oneYear.GetRequiredService<ITimeFrameCompiler>().Compile(outOfOffice).GetNextStart(from));
        Assert.Equal(Instant.FromUtc(2026, 1, 1, 5, 0), tenYears.GetRequiredService<ITimeFrameCompiler>().Compile(outOfOffice).GetNextStart(from));
    }

    [Theory]
    [InlineData(0, "US", 200)]
    [InlineData(101, "US", 200)]
    [InlineData(10, "USA", 200)]
    [InlineData(10, "US", 0)]
    public void AddK7TimeFrames_InvalidOptions_ThrowOptionsValidationExceptionOnResolveAndAtStart(int horizon, string country, int maxFrames)
    {
        using var provider = Build(o =>
        {
            o.SearchHorizonYears = horizon;
            o.DefaultCountry = country;
            o.MaxFramesPerOwner = maxFrames;
        });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TimeFramesOptions>>().Value);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<TimeFrameCatalog>());
    }

    [Fact]
    public void TimeFrameCompiler_InvalidOptionsWithoutDependencyInjection_ThrowsArgumentException()
    {
        Assert.ThrowsAny<ArgumentException>(() => new TimeFrameCompiler(new OneHolidayCalendar(), new TimeFramesOptions { SearchHorizonYears = 0 }));
    }

    private static ServiceProvider Build(Action<TimeFramesOptions> configure) =>
        new ServiceCollection()
            .AddSingleton<IClock>(new FakeClock(Instant.FromUtc(2025, 6, 1, 12, 0)))
            .AddK7TimeFrames(configure)
            .BuildServiceProvider(Strict);

    /// <summary>A calendar with one country, "ZZ", whose one holiday is on the first Monday of March.</summary>
    private sealed class OneHolidayCalendar : IHolidayCalendar
    {
        private static readonly HolidayCountry Country = new("ZZ", "Zedland", []);

        public IReadOnlyList<HolidayCountry> Countries { get; } = [Country];

        public bool TryGetCountry(string countryCode, [NotNullWhen(true)] out HolidayCountry? country)
        {
            country = string.Equals(countryCode, "ZZ", StringComparison.OrdinalIgnoreCase) ? Country : null;
            return country is not null;
        }

        public IReadOnlyList<Holiday> GetHolidays(string countryCode, string? regionCode, int year)
        {
            if (!TryGetCountry(countryCode, out _))
            {
                throw new ArgumentException($"No country '{countryCode}'.", nameof(countryCode));
            }

            var first = new LocalDate(year, 3, 1);
            while (first.DayOfWeek != IsoDayOfWeek.Monday)
            {
                first = first.PlusDays(1);
            }

            return [new Holiday("founding-day", "Founding Day", first)];
        }
    }
}
