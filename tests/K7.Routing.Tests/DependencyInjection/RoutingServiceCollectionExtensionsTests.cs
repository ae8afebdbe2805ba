using K7.TimeFrames;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace K7.Routing.Tests.DependencyInjection;

public sealed class RoutingServiceCollectionExtensionsTests
{
    private static readonly ServiceProviderOptions Strict = new() { ValidateOnBuild = true, ValidateScopes = true };
    private static readonly Instant Now = Instant.FromUtc(2025, 7, 8, 14, 0);
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly TimeFrameActor Ellen = TimeFrameActor.User("202");
    private static readonly TimeFrameActor Manager = TimeFrameActor.OfficeManager("200");
    private static readonly IncomingCall Caller = new("+15559876543", "Gary Smith");
    private static readonly UserState Idle = new(ActiveCalls: 0, RegisteredDevices: 2);
    private static readonly TimeFrameDefinition Never =
        new SpecificDatesDefinition(new SpecificDateInterval(new LocalDateTime(1999, 3, 1, 9, 0), new LocalDateTime(1999, 3, 1, 17, 0)));

    [Fact]
    public void AddK7Routing_CalledTwice_RegistersEachServiceOnceAndResolves()
    {
        var services = new ServiceCollection().AddSingleton<IClock>(new FakeClock(Now));

        services.AddK7Routing().AddK7Routing(o => o.DefaultRegion = "US");

        foreach (var type in new[] { typeof(IRouteResolver), typeof(TimeFrameCatalog), typeof(ITimeFrameCompiler), typeof(IHolidayCalendar), typeof(IClock), typeof(IDateTimeZoneProvider) })
        {
            Assert.Single(services, d => d.ServiceType == type);
        }

        using var provider = services.BuildServiceProvider(Strict);
        Assert.Single(provider.GetServices<IValidateOptions<RoutingOptions>>());
        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Same(provider.GetRequiredService<IRouteResolver>(), provider.GetRequiredService<IRouteResolver>());
        Assert.IsType<RouteResolver>(provider.GetRequiredService<IRouteResolver>());
    }

    [Fact]
    public void AddK7Routing_Always_AddsTheTimeFramesServicesTheResolverUses()
    {
        using var provider = CreateSut();

        Assert.NotNull(provider.GetRequiredService<ITimeFrameCompiler>());
        Assert.NotNull(provider.GetRequiredService<IHolidayCalendar>());
        Assert.NotNull(provider.GetRequiredService<IDateTimeZoneProvider>());
        Assert.NotNull(provider.GetRequiredService<IOptions<TimeFramesOptions>>().Value);
        var catalog = provider.GetRequiredService<TimeFrameCatalog>();
        catalog.Add(Ellen, new TimeFrame("Vacation", TimeFrameOwner.User("202"), NewYork, AlwaysDefinition.Instance));

        var rules = Resolver(provider).SetRules(AnsweringRuleSet.CreateDefault("202").Add(AnsweringRule.For("Vacation") with { DoNotDisturb = true }));

        Assert.Equal("Vacation", rules.GetActiveRule(Now).TimeFrame);
    }

    [Fact]
    public void AddK7Routing_ResolverRegisteredBefore_KeepsIt()
    {
        var mine = new RouteResolver(new TimeFrameCatalog(new TimeFrameCompiler(new PublicHolidayCalendar())), new RoutingOptions());
        var services = new ServiceCollection().AddSingleton<IClock>(new FakeClock(Now)).AddSingleton<IRouteResolver>(mine);

        services.AddK7Routing();

        using var provider = services.BuildServiceProvider(Strict);
        Assert.Same(mine, provider.GetRequiredService<IRouteResolver>());
    }

    [Theory]
    [InlineData("usa")]
    [InlineData("USA")]
    [InlineData("us")]
    [InlineData("U")]
    [InlineData("")]
    public void AddK7Routing_InvalidDefaultRegion_ThrowsOptionsValidationExceptionAtStartAndOnResolve(string region)
    {
        using var provider = CreateSut(o => o.DefaultRegion = region);

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(e.Failures, f => f.Contains(nameof(RoutingOptions.DefaultRegion), StringComparison.Ordinal));
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RoutingOptions>>().Value);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IRouteResolver>());
    }

    [Theory]
    [InlineData("ZZ")]
    [InlineData("QQ")]
    public void AddK7Routing_TwoLetterRegionLibPhoneNumberDoesNotSupport_ThrowsOptionsValidationExceptionAtStart(string region)
    {
        // docs/routing.md, Errors: invalid options give OptionsValidationException at host start. RouteResolver's
        // constructor refuses such a region (PhoneNumberCanonicalizer throws ArgumentException), so the options
        // validator must refuse it too, or the host starts and the first call that needs routing fails.
        using var provider = CreateSut(o => o.DefaultRegion = region);

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public void AddK7Routing_DefaultRegionConfigured_ReadsNationalNumbersOfThatRegion()
    {
        using var provider = CreateSut(o => o.DefaultRegion = "GB");
        var resolver = Resolver(provider);
        var block = NumberList.Create([new NumberListEntry(resolver.Numbers.Parse("+442079460958"), "Spam")]);

        resolver.SetRules(AnsweringRuleSet.CreateDefault("202").WithLists(NumberList.Empty, block));

        Assert.Equal("GB", resolver.Numbers.DefaultRegion);
        Assert.Equal(RouteReason.BlockList, resolver.Route("202", new IncomingCall("020 7946 0958", "Spam Ltd"), Idle, Now).Reason);
    }

    [Fact]
    public void RouteResolver_InvalidOptionsWithoutDependencyInjection_ThrowsArgumentException()
    {
        var catalog = new TimeFrameCatalog(new TimeFrameCompiler(new PublicHolidayCalendar()));

        Assert.ThrowsAny<ArgumentException>(() => new RouteResolver(catalog, new RoutingOptions { DefaultRegion = "usa" }));
    }

    [Fact]
    public void RouteResolver_TimeFrameUpdatedFromNeverToAlways_RuleBecomesActive()
    {
        using var provider = CreateSut();
        var catalog = provider.GetRequiredService<TimeFrameCatalog>();
        var vacation = new TimeFrame("Vacation", TimeFrameOwner.User("202"), NewYork, Never);
        catalog.Add(Ellen, vacation);
        var resolver = Resolver(provider);
        var rule = AnsweringRule.For("Vacation") with { Forwarding = new CallForwarding { Always = Destination.User("207") } };
        resolver.SetRules(AnsweringRuleSet.CreateDefault("202").Add(rule));
        Assert.Equal(RouteReason.Ring, resolver.Route("202", Caller, Idle, Now).Reason);

        catalog.Update(Ellen, vacation.WithDefinition(AlwaysDefinition.Instance));

        Assert.Equal(RouteReason.ForwardAlways, resolver.Route("202", Caller, Idle, Now).Reason);
        Assert.Equal(rule, resolver.GetRules("202").GetActiveRule(Now));
    }

    [Fact]
    public void RouteResolver_DomainTimeFrameUpdated_EveryUsersRulesSeeIt()
    {
        using var provider = CreateSut();
        var catalog = provider.GetRequiredService<TimeFrameCatalog>();
        var holidays = new TimeFrame("Holidays", TimeFrameOwner.Domain, NewYork, Never);
        catalog.Add(Manager, holidays);
        var resolver = Resolver(provider);
        resolver.SetRules(AnsweringRuleSet.CreateDefault("202").Add(AnsweringRule.For("Holidays") with { DoNotDisturb = true }));
        resolver.SetRules(AnsweringRuleSet.CreateDefault("203").Add(AnsweringRule.For("Holidays") with { Forwarding = new CallForwarding { Always = Destination.User("207") } }));

        catalog.Update(Manager, holidays.WithDefinition(AlwaysDefinition.Instance));

        Assert.Equal(RouteReason.DoNotDisturb, resolver.Route("202", Caller, Idle, Now).Reason);
        Assert.Equal(RouteReason.ForwardAlways, resolver.Route("203", Caller, Idle, Now).Reason);
    }

    [Fact]
    public void RouteResolver_TimeFrameRemoved_RuleNoLongerApplies()
    {
        using var provider = CreateSut();
        var catalog = provider.GetRequiredService<TimeFrameCatalog>();
        catalog.Add(Ellen, new TimeFrame("Vacation", TimeFrameOwner.User("202"), NewYork, AlwaysDefinition.Instance));
        var resolver = Resolver(provider);
        resolver.SetRules(AnsweringRuleSet.CreateDefault("202").Add(AnsweringRule.For("Vacation") with { DoNotDisturb = true }));
        Assert.Equal(RouteReason.DoNotDisturb, resolver.Route("202", Caller, Idle, Now).Reason);

        Assert.True(catalog.Remove(Ellen, TimeFrameOwner.User("202"), "Vacation"));

        Assert.Equal(RouteReason.Ring, resolver.Route("202", Caller, Idle, Now).Reason);
        Assert.Equal("Default", resolver.Route("202", Caller, Idle, Now).RuleName);
    }

    [Fact]
    public void RouteResolver_MissingTimeFrameAddedLater_RuleStartsApplying()
    {
        using var provider = CreateSut(o => o.RequireExistingTimeFrames = false);
        var catalog = provider.GetRequiredService<TimeFrameCatalog>();
        var resolver = Resolver(provider);
        resolver.SetRules(AnsweringRuleSet.CreateDefault("202").Add(AnsweringRule.For("Vacation") with { DoNotDisturb = true }));
        Assert.Equal(RouteReason.Ring, resolver.Route("202", Caller, Idle, Now).Reason);

        catalog.Add(Ellen, new TimeFrame("Vacation", TimeFrameOwner.User("202"), NewYork, AlwaysDefinition.Instance));

        Assert.Equal(RouteReason.DoNotDisturb, resolver.Route("202", Caller, Idle, Now).Reason);
    }

    [Fact]
    public void SetRules_UnknownTimeFrameByDefault_ThrowsForThatRuleAndKeepsPreviousRules()
    {
        using var provider = CreateSut();
        provider.GetRequiredService<TimeFrameCatalog>().Add(Ellen, new TimeFrame("Vacation", TimeFrameOwner.User("202"), NewYork, AlwaysDefinition.Instance));
        var resolver = Resolver(provider);
        var before = resolver.SetRules(AnsweringRuleSet.CreateDefault("202").Add(AnsweringRule.For("Vacation")));
        var set = AnsweringRuleSet.CreateDefault("202").Add(AnsweringRule.For("Lunch")).Add(AnsweringRule.For("Vacation"));

        var e = Assert.Throws<RoutingValidationException>(() => resolver.SetRules(set));

        Assert.Equal("Rules[1].TimeFrame", e.Field);
        Assert.Same(before, resolver.GetRules("202"));
    }

    [Fact]
    public void SetRules_TimeFrameOfAnotherUser_ThrowsForThatRule()
    {
        using var provider = CreateSut();
        provider.GetRequiredService<TimeFrameCatalog>().Add(TimeFrameActor.User("203"), new TimeFrame("Gary's lunch", TimeFrameOwner.User("203"), NewYork, AlwaysDefinition.Instance));

        var e = Assert.Throws<RoutingValidationException>(() => Resolver(provider).SetRules(AnsweringRuleSet.CreateDefault("202").Add(AnsweringRule.For("Gary's lunch"))));

        Assert.Equal("Rules[0].TimeFrame", e.Field);
    }

    [Fact]
    public void SetRules_UnknownTimeFrameNotRequired_AcceptedAndRuleNeverApplies()
    {
        using var provider = CreateSut(o => o.RequireExistingTimeFrames = false);
        var set = AnsweringRuleSet.CreateDefault("202").Add(AnsweringRule.For("Lunch") with { DoNotDisturb = true });

        var rules = Resolver(provider).SetRules(set);

        Assert.Same(set, rules.Rules);
        Assert.Same(set.Default, rules.GetActiveRule(Now));
    }

    [Fact]
    public void GetRules_UserWithoutRules_DefaultRulesOnly()
    {
        using var provider = CreateSut();
        var resolver = Resolver(provider);

        var rules = resolver.GetRules("209");

        Assert.Equal(AnsweringRuleSet.CreateDefault("209"), rules.Rules);
        Assert.Same(rules, resolver.GetRules("209"));
        Assert.Equal(RouteReason.Ring, resolver.Route("209", Caller, Idle, Now).Reason);
    }

    private static ServiceProvider CreateSut(Action<RoutingOptions>? configure = null) =>
        new ServiceCollection()
            .AddSingleton<IClock>(new FakeClock(Now))
            .AddK7Routing(configure)
            .BuildServiceProvider(Strict);

    private static RouteResolver Resolver(ServiceProvider provider) => (RouteResolver)provider.GetRequiredService<IRouteResolver>();
}
