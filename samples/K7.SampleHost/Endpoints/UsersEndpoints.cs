using K7.SampleHost.Api;
using K7.SampleHost.Domain;
using K7.Sip;
using Microsoft.AspNetCore.Http.HttpResults;

namespace K7.SampleHost.Endpoints;

/// <summary>The domain as an office manager sees it: every user, with their role and how many of their phones are registered and how many calls they are on.</summary>
internal static class UsersEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/users", List).WithTags("Domain").WithSummary("Every user of the domain (office managers)");
    }

    internal static Results<Ok<DomainUser[]>, ProblemHttpResult> List(HttpContext context, UserDirectory users, SipServer sip)
    {
        var caller = UserScope.SignedIn(context.User, users);
        if (caller.Role != PortalRole.OfficeManager)
        {
            return ApiProblems.Forbidden("Only office managers see the whole domain.");
        }

        var list = users.All
            .Select(u => new DomainUser(
                u.Extension,
                u.DisplayName,
                u.Login,
                u.Role == PortalRole.OfficeManager ? "office-manager" : "user",
                sip.Devices.ListForUser(u.Extension).Count(d => sip.Devices.GetStatus(d.Name)?.IsRegistered == true),
                sip.ActiveCalls(u.Extension)))
            .ToArray();
        return TypedResults.Ok(list);
    }

    internal sealed record DomainUser(string Extension, string Name, string Login, string Role, int RegisteredPhones, int ActiveCalls);
}
