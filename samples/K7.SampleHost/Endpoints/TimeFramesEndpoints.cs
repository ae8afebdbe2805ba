using System.Text.Json.Nodes;
using K7.SampleHost.Api;
using K7.SampleHost.Domain;
using K7.SampleHost.Routing;
using K7.SampleHost.TimeFrames;
using K7.TimeFrames;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;

namespace K7.SampleHost.Endpoints;

/// <summary>
/// The Time Frames page (guide chapter 7): the frames a user sees (their own and the domain's) with the guide's summary,
/// whether each is active now and when it next starts; a user's own frames are added, changed and deleted here, the
/// domain's under <c>/api/domain/time-frames</c> by office managers. Frames travel in the K7.TimeFrames JSON shape.
/// A frame that an answering rule uses is neither deleted nor renamed.
/// </summary>
internal static class TimeFramesEndpoints
{
    private static readonly LocalDateTimePattern NextOnPattern = LocalDateTimePattern.CreateWithInvariantCulture("ddd, MM/dd/yyyy h:mm tt");

    public static void Map(RouteGroupBuilder user, RouteGroupBuilder api)
    {
        var frames = user.MapGroup("/time-frames").WithTags("Time Frames");
        frames.MapGet("/", List).WithSummary("The time frames the user sees (own and domain): owner, kind, summary, active now, next on");
        frames.MapGet("/{name}", Get).WithSummary("One time frame the user sees, in the time-frame JSON shape");
        frames.MapPost("/", Add).Accepts<JsonObject>("application/json").WithSummary("Add one of the user's own time frames (time-frame JSON)");
        frames.MapPut("/{name}", Update).Accepts<JsonObject>("application/json").WithSummary("Change (or rename) one of the user's own time frames");
        frames.MapDelete("/{name}", Delete).WithSummary("Delete one of the user's own time frames (not while a rule uses it)");

        var domain = api.MapGroup("/domain/time-frames").WithTags("Time Frames");
        domain.MapGet("/", ListDomain).WithSummary("The domain's time frames (everyone signed in)");
        domain.MapGet("/{name}", GetDomain).WithSummary("One domain time frame in the time-frame JSON shape");
        domain.MapPost("/", AddDomain).Accepts<JsonObject>("application/json").WithSummary("Add a domain time frame (office managers)");
        domain.MapPut("/{name}", UpdateDomain).Accepts<JsonObject>("application/json").WithSummary("Change (or rename) a domain time frame (office managers)");
        domain.MapDelete("/{name}", DeleteDomain).WithSummary("Delete a domain time frame (office managers; not while a rule uses it)");
    }

    internal static IReadOnlyList<TimeFrameView> List(UserScope scope, TimeFrameStore store, IClock clock)
    {
        var now = clock.GetCurrentInstant();
        return [.. store.Catalog.GetVisible(scope.Extension).Select(f => TimeFrameView.Of(f, now, scope.IsSelf && !f.Frame.Owner.IsDomain))];
    }

    internal static Results<Ok<JsonNode>, ProblemHttpResult> Get(UserScope scope, string name, TimeFrameStore store) =>
        store.Catalog.Find(scope.Extension, name) is { } frame ? TypedResults.Ok(Json(frame.Frame)) : NoSuchFrame(name);

    internal static Task<Results<Created<JsonNode>, ValidationProblem, ProblemHttpResult>> Add(
        UserScope scope, HttpRequest request, TimeFrameStore store, IDateTimeZoneProvider zones, CancellationToken cancellationToken) =>
        AddAsync(TimeFrameOwner.User(scope.Extension), scope.TimeFrameActor, $"/api/users/{scope.Extension}/time-frames/", request, store, zones, cancellationToken);

    internal static Task<Results<Ok<JsonNode>, ValidationProblem, ProblemHttpResult>> Update(
        UserScope scope, string name, HttpRequest request, TimeFrameStore store, AnsweringRulesStore rules, UserDirectory users, IDateTimeZoneProvider zones, CancellationToken cancellationToken) =>
        UpdateAsync(TimeFrameOwner.User(scope.Extension), scope.TimeFrameActor, name, request, store, rules, users, zones, cancellationToken);

    internal static Results<NoContent, ProblemHttpResult> Delete(UserScope scope, string name, TimeFrameStore store, AnsweringRulesStore rules, UserDirectory users) =>
        DeleteFrame(TimeFrameOwner.User(scope.Extension), scope.TimeFrameActor, name, store, rules, users);

    internal static IReadOnlyList<TimeFrameView> ListDomain(HttpContext context, UserDirectory users, TimeFrameStore store, IClock clock)
    {
        var caller = UserScope.SignedIn(context.User, users);
        var now = clock.GetCurrentInstant();
        var editable = caller.Role == PortalRole.OfficeManager;
        return [.. store.Catalog.GetVisible(caller.Extension).Where(f => f.Frame.Owner.IsDomain).Select(f => TimeFrameView.Of(f, now, editable))];
    }

    internal static Results<Ok<JsonNode>, ProblemHttpResult> GetDomain(HttpContext context, string name, UserDirectory users, TimeFrameStore store)
    {
        _ = UserScope.SignedIn(context.User, users);
        return FindDomain(store, name) is { } frame ? TypedResults.Ok(Json(frame)) : NoSuchFrame(name);
    }

    internal static async Task<Results<Created<JsonNode>, ValidationProblem, ProblemHttpResult>> AddDomain(
        HttpContext context, UserDirectory users, TimeFrameStore store, IDateTimeZoneProvider zones, CancellationToken cancellationToken)
    {
        if (OfficeManager(context, users) is not { } actor)
        {
            return ApiProblems.Forbidden("Only office managers change the domain's time frames.");
        }

        return await AddAsync(TimeFrameOwner.Domain, actor, "/api/domain/time-frames/", context.Request, store, zones, cancellationToken).ConfigureAwait(false);
    }

    internal static async Task<Results<Ok<JsonNode>, ValidationProblem, ProblemHttpResult>> UpdateDomain(
        HttpContext context, string name, UserDirectory users, TimeFrameStore store, AnsweringRulesStore rules, IDateTimeZoneProvider zones, CancellationToken cancellationToken)
    {
        if (OfficeManager(context, users) is not { } actor)
        {
            return ApiProblems.Forbidden("Only office managers change the domain's time frames.");
        }

        return await UpdateAsync(TimeFrameOwner.Domain, actor, name, context.Request, store, rules, users, zones, cancellationToken).ConfigureAwait(false);
    }

    internal static Results<NoContent, ProblemHttpResult> DeleteDomain(HttpContext context, string name, UserDirectory users, TimeFrameStore store, AnsweringRulesStore rules) =>
        OfficeManager(context, users) is { } actor
            ? DeleteFrame(TimeFrameOwner.Domain, actor, name, store, rules, users)
            : ApiProblems.Forbidden("Only office managers change the domain's time frames.");

    private static async Task<Results<Created<JsonNode>, ValidationProblem, ProblemHttpResult>> AddAsync(
        TimeFrameOwner owner, TimeFrameActor actor, string location, HttpRequest request, TimeFrameStore store, IDateTimeZoneProvider zones, CancellationToken cancellationToken)
    {
        var frame = await ReadAsync(request, zones, cancellationToken).ConfigureAwait(false);
        if (frame.Owner != owner)
        {
            return WrongOwner(owner);
        }

        if (NameTaken(store, owner, frame.Name) is { } taken)
        {
            return taken;
        }

        store.Add(actor, frame);
        return TypedResults.Created(location + Uri.EscapeDataString(frame.Name), Json(frame));
    }

    private static async Task<Results<Ok<JsonNode>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        TimeFrameOwner owner, TimeFrameActor actor, string name, HttpRequest request, TimeFrameStore store, AnsweringRulesStore rules, UserDirectory users,
        IDateTimeZoneProvider zones, CancellationToken cancellationToken)
    {
        var existing = Own(store, owner, name);
        if (existing is null)
        {
            return NoSuchFrame(name);
        }

        var frame = await ReadAsync(request, zones, cancellationToken).ConfigureAwait(false);
        if (frame.Owner != owner)
        {
            return WrongOwner(owner);
        }

        if (string.Equals(frame.Name, existing.Name, StringComparison.Ordinal))
        {
            store.Update(actor, frame);
            return TypedResults.Ok(Json(frame));
        }

        // A rename: refused while a rule uses the frame (rules name their frame); otherwise the new frame is added and
        // the old one removed, and the new one is taken back out if the removal fails.
        if (InUse(owner, existing.Name, rules, users) is { } inUse)
        {
            return inUse;
        }

        if (!string.Equals(frame.Name, existing.Name, StringComparison.OrdinalIgnoreCase) && NameTaken(store, owner, frame.Name) is { } taken)
        {
            return taken;
        }

        if (string.Equals(frame.Name, existing.Name, StringComparison.OrdinalIgnoreCase))
        {
            // Only the letter case changes: the catalog compares names ignoring case, so remove first, then add.
            store.Remove(actor, owner, existing.Name);
            try
            {
                store.Add(actor, frame);
            }
            catch
            {
                store.Add(actor, existing);
                throw;
            }
        }
        else
        {
            store.Add(actor, frame);
            try
            {
                store.Remove(actor, owner, existing.Name);
            }
            catch
            {
                store.Remove(actor, owner, frame.Name);
                throw;
            }
        }

        return TypedResults.Ok(Json(frame));
    }

    private static Results<NoContent, ProblemHttpResult> DeleteFrame(TimeFrameOwner owner, TimeFrameActor actor, string name, TimeFrameStore store, AnsweringRulesStore rules, UserDirectory users)
    {
        var existing = Own(store, owner, name);
        if (existing is null)
        {
            return NoSuchFrame(name);
        }

        if (InUse(owner, existing.Name, rules, users) is { } inUse)
        {
            return inUse;
        }

        store.Remove(actor, owner, existing.Name);
        return TypedResults.NoContent();
    }

    private static TimeFrameActor? OfficeManager(HttpContext context, UserDirectory users)
    {
        var caller = UserScope.SignedIn(context.User, users);
        return caller.Role == PortalRole.OfficeManager ? TimeFrameActor.OfficeManager(caller.Extension) : null;
    }

    private static async Task<TimeFrame> ReadAsync(HttpRequest request, IDateTimeZoneProvider zones, CancellationToken cancellationToken) =>
        await TimeFrameJson.DeserializeAsync(request.Body, zones, cancellationToken).ConfigureAwait(false);

    private static TimeFrame? Own(TimeFrameStore store, TimeFrameOwner owner, string name) =>
        store.Catalog.All.FirstOrDefault(f => f.Owner == owner && string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    private static TimeFrame? FindDomain(TimeFrameStore store, string name) => Own(store, TimeFrameOwner.Domain, name);

    /// <summary>409 when the name is used among what the owner sees (for the domain: by any frame, since every user sees it).</summary>
    private static ProblemHttpResult? NameTaken(TimeFrameStore store, TimeFrameOwner owner, string name)
    {
        var clash = store.Catalog.All.FirstOrDefault(f =>
            string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase) && (owner.IsDomain || f.Owner.IsDomain || f.Owner == owner));
        return clash is null
            ? null
            : ApiProblems.Conflict("name", $"The name '{name}' is taken by a time frame of {(clash.Owner.IsDomain ? "the domain" : "user " + clash.Owner.UserId)}.");
    }

    /// <summary>409 naming the first rule (and its user) that uses the frame; for a domain frame every user's rules count.</summary>
    private static ProblemHttpResult? InUse(TimeFrameOwner owner, string name, AnsweringRulesStore rules, UserDirectory users)
    {
        IEnumerable<string> candidates = owner.IsDomain ? [.. users.All.Select(u => u.Extension)] : [owner.UserId!];
        foreach (var extension in candidates)
        {
            if (rules.Get(extension).Find(name) is { } rule)
            {
                var who = users.Find(extension) is { } u ? $"{extension} ({u.DisplayName})" : extension;
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: "The time frame is in use.",
                    detail: $"The answering rule '{rule.TimeFrame}' of user {who} uses the time frame '{name}'; delete or change that rule first.",
                    extensions: new Dictionary<string, object?> { ["field"] = "name", ["rule"] = rule.TimeFrame, ["user"] = extension });
            }
        }

        return null;
    }

    private static ValidationProblem WrongOwner(TimeFrameOwner owner) =>
        ApiProblems.Field("owner", owner.IsDomain ? "Frames here belong to the domain: use \"owner\": \"domain\"." : $"Frames here belong to you: use \"owner\": {{ \"user\": \"{owner.UserId}\" }}.");

    private static ProblemHttpResult NoSuchFrame(string name) => ApiProblems.NotFound($"There is no time frame '{name}' here.");

    private static JsonNode Json(TimeFrame frame) => JsonNode.Parse(TimeFrameJson.SerializeToUtf8Bytes(frame))!;

    internal sealed record TimeFrameView(
        string Name,
        string Owner,
        string Kind,
        bool Editable,
        string When,
        string Recurrence,
        string EndsOn,
        bool ActiveNow,
        ZonedDateTime? NextStart,
        string? NextOn)
    {
        public static TimeFrameView Of(CompiledTimeFrame compiled, Instant now, bool editable)
        {
            var frame = compiled.Frame;
            var summary = compiled.Summarize();
            var next = compiled.GetNextStart(now)?.InZone(frame.Zone);
            var kind = frame.Kind.ToString();
            return new TimeFrameView(
                frame.Name,
                frame.Owner.ToString(),
                char.ToLowerInvariant(kind[0]) + kind[1..],
                editable,
                summary.When,
                summary.Recurrence,
                summary.EndsOn,
                compiled.IsActive(now),
                next,
                next is { } n ? NextOnPattern.Format(n.LocalDateTime) : null);
        }
    }
}
