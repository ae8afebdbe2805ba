using K7.SampleHost.Contacts;
using K7.SampleHost.Endpoints;
using K7.SampleHost.Music;
using K7.SampleHost.Seed;
using K7.SampleHost.Voicemail;
using K7.Voicemail;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace K7.SampleHost;

/// <summary>The HTTP API: one group of endpoints per page of the portal, under <c>/api</c>.</summary>
internal static class PortalApi
{
    /// <summary>Registers the services the pages need beyond the packages.</summary>
    public static void AddPages(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Replace(ServiceDescriptor.Singleton<IVoicemailSettingsStore, FileVoicemailSettingsStore>());
        services.AddSingleton<IDemoSeed, VoicemailDemoSeed>();
        ContactsEndpoints.AddServices(services);
        services.AddSingleton<PresenceSync>();
        services.AddHostedService(sp => sp.GetRequiredService<PresenceSync>());
        CallHistoryEndpoints.AddServices(services);
        services.AddSingleton<MusicOnHoldStore>();
        services.AddHostedService<MusicOnHoldRecovery>();
        services.AddSingleton<IDemoSeed, MusicOnHoldDemoSeed>();
    }

    /// <summary>Maps every page. User pages live under <c>/api/users/{extension}</c> (<c>me</c> is the signed-in user).</summary>
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();
        SessionEndpoints.Map(api);
        UsersEndpoints.Map(api);
        var user = api.MapGroup("/users/{extension}");
        HomeEndpoints.Map(user);
        ProfileEndpoints.Map(user);
        MessagesEndpoints.Map(user);
        ContactsEndpoints.Map(user);
        AnsweringRulesEndpoints.Map(user);
        TimeFramesEndpoints.Map(user, api);
        PhonesEndpoints.Map(user);
        MusicOnHoldEndpoints.Map(user);
        CallHistoryEndpoints.Map(user);
    }
}
