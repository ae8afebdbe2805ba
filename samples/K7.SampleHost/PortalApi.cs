using K7.SampleHost.Endpoints;

namespace K7.SampleHost;

/// <summary>The HTTP API: one group of endpoints per page of the portal, under <c>/api</c>.</summary>
internal static class PortalApi
{
    /// <summary>Registers the services the pages need beyond the packages.</summary>
    public static void AddPages(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        ContactsEndpoints.AddServices(services);
        CallHistoryEndpoints.AddServices(services);
    }

    /// <summary>Maps every page. User pages live under <c>/api/users/{extension}</c> (<c>me</c> is the signed-in user).</summary>
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();
        SessionEndpoints.Map(api);
        UsersEndpoints.Map(api);
        var user = api.MapGroup("/users/{extension}");
        ProfileEndpoints.Map(user);
        ContactsEndpoints.Map(user);
        CallHistoryEndpoints.Map(user);
    }
}
