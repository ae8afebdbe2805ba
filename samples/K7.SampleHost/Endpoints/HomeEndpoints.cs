using K7.Routing;
using K7.SampleHost.Api;
using K7.SampleHost.CallHistory;
using K7.SampleHost.Domain;
using K7.SampleHost.Routing;
using K7.SampleHost.TimeFrames;
using K7.Sip.Devices;
using K7.Voicemail;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace K7.SampleHost.Endpoints;

/// <summary>
/// The Home page (guide chapter 3): new voicemails, recent call history, the active answering rule with the dropdown of
/// the rules that match now, and the active phones. Choosing another matching rule in the dropdown gives it priority.
/// </summary>
internal static class HomeEndpoints
{
    private const int NewVoicemails = 5;
    private const int RecentCalls = 7;

    public static void Map(RouteGroupBuilder user)
    {
        var home = user.MapGroup("/home").WithTags("Home");
        home.MapGet("/", Get).WithSummary("The Home page: new voicemails, recent calls, the active answering rule and the rules matching now, the active phones");
        home.MapPut("/active-rule", ChooseRule).WithSummary("Choose the active answering rule among those matching now (the dropdown): it moves to the top");
    }

    internal static async Task<HomeView> Get(UserScope scope, [AsParameters] Panels panels, CancellationToken cancellationToken)
    {
        var mailbox = MailboxId.Parse(scope.Extension);
        var counts = await panels.Voicemail.CountsAsync(mailbox, cancellationToken).ConfigureAwait(false);
        var newest = await panels.Voicemail.ListAsync(mailbox, VoicemailFolder.New, cancellationToken).ConfigureAwait(false);
        var page = AnsweringRulesEndpoints.Get(scope, panels.Rules, panels.TimeFrames, panels.Users, panels.Devices, panels.Clock);
        return new HomeView(
            scope.Extension,
            scope.User.DisplayName,
            new VoicemailPanel(counts.New, counts.Saved, [.. newest.Take(NewVoicemails).Select(MessagesEndpoints.VoicemailView.Of)]),
            [.. panels.Calls.Recent(scope.Extension, RecentCalls).Select(CallHistoryEndpoints.CallView.Of)],
            page.Rules.Single(r => r.Active),
            [.. page.Rules.Where(r => r.Matches)],
            [.. PhonesEndpoints.List(scope, panels.Devices, panels.Clock).Where(p => p.Registered)]);
    }

    internal static async Task<Results<Ok<HomeView>, ValidationProblem>> ChooseRule(
        UserScope scope, ChooseRuleRequest request, [AsParameters] Panels panels, CancellationToken cancellationToken)
    {
        var rules = panels.Rules;
        var compiled = rules.GetCompiled(scope.Extension);
        var now = panels.Clock.GetCurrentInstant();
        var matching = compiled.GetMatchingRules(now);
        var names = matching.Select(Name).ToList();
        var chosen = matching.FirstOrDefault(r => string.Equals(Name(r), request.Name, StringComparison.OrdinalIgnoreCase));
        if (chosen is null)
        {
            return ApiProblems.Field("name", $"'{request.Name}' does not match now; choose one of: {string.Join(", ", names)}.");
        }

        if (chosen.IsDefault)
        {
            if (!compiled.GetActiveRule(now).IsDefault)
            {
                return ApiProblems.Field("name", "The Default rule applies when no other rule matches; turn off or move the rules that match now to use it.");
            }
        }
        else if (compiled.GetActiveRule(now) != chosen)
        {
            rules.Update(scope.Extension, set => set.MoveToTop(chosen.TimeFrame!));
        }

        return TypedResults.Ok(await Get(scope, panels, cancellationToken).ConfigureAwait(false));
    }

    private static string Name(AnsweringRule rule) => rule.IsDefault ? "Default" : rule.TimeFrame!;

    internal sealed record HomeView(
        string Extension,
        string Name,
        VoicemailPanel Voicemail,
        IReadOnlyList<CallHistoryEndpoints.CallView> RecentCalls,
        AnsweringRulesEndpoints.RuleView ActiveRule,
        IReadOnlyList<AnsweringRulesEndpoints.RuleView> MatchingRules,
        IReadOnlyList<PhonesEndpoints.PhoneView> ActivePhones);

    internal sealed record VoicemailPanel(int New, int Saved, IReadOnlyList<MessagesEndpoints.VoicemailView> Latest);

    internal sealed record ChooseRuleRequest(string? Name);

    /// <summary>What the page's panels are read from (services, bound by minimal APIs).</summary>
    internal readonly record struct Panels(
        VoicemailService Voicemail,
        CallHistoryStore Calls,
        AnsweringRulesStore Rules,
        TimeFrameStore TimeFrames,
        UserDirectory Users,
        DeviceRegistry Devices,
        IClock Clock);
}
