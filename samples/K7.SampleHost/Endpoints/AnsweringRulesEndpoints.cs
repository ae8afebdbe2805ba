using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using K7.Routing;
using K7.SampleHost.Api;
using K7.SampleHost.Domain;
using K7.SampleHost.Routing;
using K7.SampleHost.TimeFrames;
using K7.Sip.Devices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NodaTime;

namespace K7.SampleHost.Endpoints;

/// <summary>
/// The Answering Rules page (guide chapter 6): ring timeout, voicemail, anonymous blocking, the rules in priority order
/// with the guide's descriptions, each rule in the K7.Routing JSON rule shape, the allow and block lists and their CSV
/// import and export. Every change goes through <see cref="AnsweringRulesStore.Update"/>.
/// </summary>
internal static partial class AnsweringRulesEndpoints
{
    /// <summary>The name that addresses the Default rule.</summary>
    public const string DefaultName = "Default";

    private const int MinRingTimeoutSeconds = 5;
    private const int MaxRingTimeoutSeconds = 300;

    public static void Map(RouteGroupBuilder user)
    {
        var rules = user.MapGroup("/answering-rules").WithTags("Answering Rules");
        rules.MapGet("/", Get).WithSummary("The answering rules: settings, the rules in priority order with descriptions, which is active and which match now");
        rules.MapPut("/settings", UpdateSettings).WithSummary("Change the ring timeout, voicemail and the anonymous block");
        rules.MapPost("/", Add).Accepts<JsonObject>("application/json").WithSummary("Add a rule (the routing JSON rule shape) at the top; its time frame must exist");
        rules.MapGet("/{name}", GetRule).WithSummary("One rule in the routing JSON rule shape (the name Default is the Default rule)");
        rules.MapPut("/{name}", ReplaceRule).Accepts<JsonObject>("application/json").WithSummary("Replace one rule with a rule in the routing JSON rule shape");
        rules.MapDelete("/{name}", Delete).WithSummary("Delete a rule (not Default)");
        rules.MapPost("/{name}/move", Move).WithSummary("Move a rule up, down or to the top");

        var lists = rules.MapGroup("/lists");
        lists.MapGet("/", GetLists).WithSummary("The allow and block lists");
        lists.MapGet("/template", Template).WithSummary("The CSV template for importing numbers");
        lists.MapGet("/export", Export).WithSummary("Both lists as CSV (List,Number,Name)");
        lists.MapPost("/import", Import).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data", "text/csv")
            .WithSummary("Import numbers from CSV (multipart 'file' or a text/csv body): all rows or none");
        lists.MapPost("/{list}", AddNumber).WithSummary("Add a number to the allow or block list");
        lists.MapDelete("/{list}/{number}", RemoveNumber).WithSummary("Remove a number from the allow or block list");
    }

    internal static AnsweringRulesView Get(UserScope scope, AnsweringRulesStore store, TimeFrameStore timeFrames, UserDirectory users, DeviceRegistry devices, IClock clock) =>
        View(scope.Extension, store.GetCompiled(scope.Extension), timeFrames, users, devices, clock.GetCurrentInstant());

    internal static Results<Ok<AnsweringRulesView>, ValidationProblem> UpdateSettings(
        UserScope scope, RulesSettings request, AnsweringRulesStore store, TimeFrameStore timeFrames, UserDirectory users, DeviceRegistry devices, IClock clock)
    {
        if (request.RingTimeoutSeconds is { } seconds && seconds is < MinRingTimeoutSeconds or > MaxRingTimeoutSeconds)
        {
            return ApiProblems.Field("ringTimeoutSeconds", $"Ring for {MinRingTimeoutSeconds} to {MaxRingTimeoutSeconds} seconds.");
        }

        var saved = store.Update(scope.Extension, set =>
        {
            var next = set;
            if (request.RingTimeoutSeconds is { } s)
            {
                next = next.WithRingTimeout(Duration.FromSeconds(s));
            }

            if (request.Voicemail is { } voicemail)
            {
                next = next.WithVoicemail(voicemail);
            }

            if (request.BlockAnonymous is { } block)
            {
                next = next.WithBlockAnonymous(block);
            }

            return next;
        });
        return TypedResults.Ok(View(scope.Extension, saved, timeFrames, users, devices, clock.GetCurrentInstant()));
    }

    internal static Results<Ok<JsonNode>, ProblemHttpResult> GetRule(UserScope scope, string name, AnsweringRulesStore store)
    {
        var set = store.Get(scope.Extension);
        return Find(set, name) is { } rule ? TypedResults.Ok(RuleJson.Write(rule)) : NoSuchRule(name);
    }

    internal static async Task<Results<Ok<JsonNode>, ValidationProblem, ProblemHttpResult>> ReplaceRule(
        UserScope scope, string name, HttpRequest request, AnsweringRulesStore store, IRouteResolver routes, IOptions<RoutingOptions> options, CancellationToken cancellationToken)
    {
        var current = Find(store.Get(scope.Extension), name);
        if (current is null)
        {
            return NoSuchRule(name);
        }

        var body = await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        var read = RuleJson.Read(scope.Extension, body, current.IsDefault, Numbers(routes, options));
        if (read.Problem is { } problem)
        {
            return problem;
        }

        var rule = read.Rule!;
        if (!current.IsDefault && !string.Equals(rule.TimeFrame, current.TimeFrame, StringComparison.OrdinalIgnoreCase))
        {
            return ApiProblems.Field("timeFrame", $"This is the rule of '{current.TimeFrame}'; to use another time frame, add a rule for it.");
        }

        var saved = store.Update(scope.Extension, set => set.Replace(rule));
        return TypedResults.Ok(RuleJson.Write(Find(saved.Rules, name)!));
    }

    internal static async Task<Results<Created<JsonNode>, ValidationProblem, ProblemHttpResult>> Add(
        UserScope scope, HttpRequest request, AnsweringRulesStore store, TimeFrameStore timeFrames, IRouteResolver routes, IOptions<RoutingOptions> options, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        var read = RuleJson.Read(scope.Extension, body, isDefault: false, Numbers(routes, options));
        if (read.Problem is { } problem)
        {
            return problem;
        }

        var rule = read.Rule!;
        var frame = rule.TimeFrame!;
        if (timeFrames.Catalog.Find(scope.Extension, frame) is null)
        {
            return ApiProblems.Field("timeFrame", $"There is no time frame '{frame}' among yours and the domain's; add it on the Time Frames page first.");
        }

        if (store.Get(scope.Extension).Find(frame) is not null)
        {
            return ApiProblems.Conflict("timeFrame", $"There is already a rule for '{frame}'; edit that one instead.");
        }

        var saved = store.Update(scope.Extension, set => set.Add(rule));
        var added = saved.Rules.Find(frame)!;
        return TypedResults.Created($"/api/users/{scope.Extension}/answering-rules/{Uri.EscapeDataString(added.TimeFrame!)}", RuleJson.Write(added));
    }

    internal static Results<NoContent, ValidationProblem, ProblemHttpResult> Delete(UserScope scope, string name, AnsweringRulesStore store)
    {
        var rule = Find(store.Get(scope.Extension), name);
        if (rule is null)
        {
            return NoSuchRule(name);
        }

        if (rule.IsDefault)
        {
            return ApiProblems.Field("name", "The Default rule cannot be deleted.");
        }

        store.Update(scope.Extension, set => set.Remove(rule.TimeFrame!));
        return TypedResults.NoContent();
    }

    internal static Results<Ok<AnsweringRulesView>, ValidationProblem, ProblemHttpResult> Move(
        UserScope scope, string name, MoveRequest request, AnsweringRulesStore store, TimeFrameStore timeFrames, UserDirectory users, DeviceRegistry devices, IClock clock)
    {
        var rule = Find(store.Get(scope.Extension), name);
        if (rule is null)
        {
            return NoSuchRule(name);
        }

        Func<AnsweringRuleSet, string, AnsweringRuleSet>? move = request.Direction switch
        {
            "up" => static (set, frame) => set.MoveUp(frame),
            "down" => static (set, frame) => set.MoveDown(frame),
            "top" => static (set, frame) => set.MoveToTop(frame),
            _ => null,
        };
        if (move is null)
        {
            return ApiProblems.Field("direction", "Use \"up\", \"down\" or \"top\".");
        }

        if (rule.IsDefault)
        {
            return ApiProblems.Field("name", "The Default rule always comes last; move the other rules instead.");
        }

        var saved = store.Update(scope.Extension, set => move(set, rule.TimeFrame!));
        return TypedResults.Ok(View(scope.Extension, saved, timeFrames, users, devices, clock.GetCurrentInstant()));
    }

    internal static NumberListsView GetLists(UserScope scope, AnsweringRulesStore store, IRouteResolver routes, IOptions<RoutingOptions> options)
    {
        var numbers = Numbers(routes, options);
        var set = store.Get(scope.Extension);
        return NumberListsView.Of(set, numbers);
    }

    internal static Results<Ok<NumberListsView>, ValidationProblem, ProblemHttpResult> AddNumber(
        UserScope scope, string list, NumberEntry request, AnsweringRulesStore store, IRouteResolver routes, IOptions<RoutingOptions> options)
    {
        if (ListOf(list) is not { } allow)
        {
            return ApiProblems.NotFound($"There is no list '{list}': use allow or block.");
        }

        var numbers = Numbers(routes, options);
        if (string.IsNullOrWhiteSpace(request.Number))
        {
            return ApiProblems.Field("number", "Enter a phone number.");
        }

        if (!numbers.TryParse(request.Number, out var key, out var error))
        {
            return ApiProblems.Field("number", $"'{request.Number}' is not a phone number: {error}");
        }

        if (request.Name is { Length: > NumberListImportOptions.DefaultMaxFieldLength })
        {
            return ApiProblems.Field("name", $"Use at most {NumberListImportOptions.DefaultMaxFieldLength} characters.");
        }

        var entry = new NumberListEntry(key, request.Name);
        var saved = store.Update(scope.Extension, set => allow
            ? set.WithLists(set.AllowList.Add(entry), set.BlockList)
            : set.WithLists(set.AllowList, set.BlockList.Add(entry)));
        return TypedResults.Ok(NumberListsView.Of(saved.Rules, numbers));
    }

    internal static Results<Ok<NumberListsView>, ProblemHttpResult> RemoveNumber(
        UserScope scope, string list, string number, AnsweringRulesStore store, IRouteResolver routes, IOptions<RoutingOptions> options)
    {
        if (ListOf(list) is not { } allow)
        {
            return ApiProblems.NotFound($"There is no list '{list}': use allow or block.");
        }

        var numbers = Numbers(routes, options);
        var current = store.Get(scope.Extension);
        var entries = allow ? current.AllowList : current.BlockList;
        if (!numbers.TryParse(number, out var key) || !entries.Contains(key))
        {
            return ApiProblems.NotFound($"{number} is not on the {list} list.");
        }

        var saved = store.Update(scope.Extension, set => allow
            ? set.WithLists(set.AllowList.Remove(key), set.BlockList)
            : set.WithLists(set.AllowList, set.BlockList.Remove(key)));
        return TypedResults.Ok(NumberListsView.Of(saved.Rules, numbers));
    }

    internal static ContentHttpResult Template() => TypedResults.Text(NumberListCsv.Template, "text/csv", Encoding.UTF8);

    internal static ContentHttpResult Export(UserScope scope, AnsweringRulesStore store)
    {
        var set = store.Get(scope.Extension);
        return TypedResults.Text(NumberListCsv.Export(set.AllowList, set.BlockList), "text/csv", Encoding.UTF8);
    }

    internal static async Task<Results<Ok<ImportResult>, ValidationProblem>> Import(
        UserScope scope, HttpRequest request, AnsweringRulesStore store, IRouteResolver routes, IOptions<RoutingOptions> options, CancellationToken cancellationToken)
    {
        string text;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            if (form.Files.GetFile("file") is not { } file)
            {
                return ApiProblems.Field("file", "Upload the CSV file as the form field 'file'.");
            }

            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (request.ContentType is { } type && type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            return ApiProblems.Field("file", "Send the CSV as multipart/form-data (field 'file') or as a text/csv body.");
        }

        var numbers = Numbers(routes, options);
        // A bad row (NumberListImportException) becomes a 400 keyed by line and column in ApiExceptionHandler; nothing is saved.
        NumberListImportResult imported;
        using (var reader = new StringReader(text))
        {
            imported = NumberListCsv.Import(reader, numbers);
        }

        var saved = store.Update(scope.Extension, set => set.WithLists(set.AllowList.AddRange(imported.Allowed), set.BlockList.AddRange(imported.Blocked)));
        return TypedResults.Ok(new ImportResult(imported.Allowed.Count, imported.Blocked.Count, NumberListsView.Of(saved.Rules, numbers)));
    }

    private static AnsweringRule? Find(AnsweringRuleSet set, string name) =>
        string.Equals(name, DefaultName, StringComparison.OrdinalIgnoreCase) ? set.Default : set.Find(name);

    private static ProblemHttpResult NoSuchRule(string name) => ApiProblems.NotFound($"There is no answering rule '{name}'.");

    private static bool? ListOf(string list) => list switch
    {
        "allow" => true,
        "block" => false,
        _ => null,
    };

    private static PhoneNumberCanonicalizer Numbers(IRouteResolver routes, IOptions<RoutingOptions> options) =>
        routes is RouteResolver resolver ? resolver.Numbers : new PhoneNumberCanonicalizer(options.Value.DefaultRegion);

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static AnsweringRulesView View(string extension, CompiledAnsweringRules compiled, TimeFrameStore timeFrames, UserDirectory users, DeviceRegistry devices, Instant now)
    {
        // The guide names the phones that "ring all user's phones" rings: the other phones (202wp), then the extension (202).
        var phones = devices.ListForUser(extension);
        string[] allPhones = [.. phones.Where(d => d.Suffix.Length > 0).Concat(phones.Where(d => d.Suffix.Length == 0)).Select(d => d.Name)];
        var set = compiled.Rules;
        var active = compiled.GetActiveRule(now);
        var matching = compiled.GetMatchingRules(now);
        Func<string, string?> names = id => users.Find(id)?.DisplayName;
        var views = new List<RuleView>(set.Rules.Length + 1);
        foreach (var rule in set.Rules.Append(set.Default))
        {
            var frame = rule.IsDefault ? null : timeFrames.Catalog.Find(extension, rule.TimeFrame!);
            var summary = frame?.Summarize();
            views.Add(new RuleView(
                rule.IsDefault ? DefaultName : rule.TimeFrame!,
                rule.IsDefault,
                rule.Enabled,
                rule.Describe(extension, names, allPhones),
                summary is null ? null : new TimeFrameWhen(summary.When, summary.Recurrence, summary.EndsOn, frame!.IsActive(now)),
                rule == active,
                matching.Contains(rule)));
        }

        return new AnsweringRulesView(
            extension,
            (int)set.RingTimeout.TotalSeconds,
            set.VoicemailEnabled,
            set.BlockAnonymous,
            active.IsDefault ? DefaultName : active.TimeFrame!,
            views,
            set.AllowList.Count,
            set.BlockList.Count);
    }

    internal sealed record AnsweringRulesView(
        string User,
        int RingTimeoutSeconds,
        bool Voicemail,
        bool BlockAnonymous,
        string ActiveRule,
        IReadOnlyList<RuleView> Rules,
        int AllowedNumbers,
        int BlockedNumbers);

    /// <summary>One row of the page: the rule's name (its time frame, or Default), the guide's description and the time frame's summary.</summary>
    internal sealed record RuleView(string Name, bool IsDefault, bool Enabled, string Description, TimeFrameWhen? TimeFrame, bool Active, bool Matches);

    internal sealed record TimeFrameWhen(string When, string Recurrence, string EndsOn, bool ActiveNow);

    internal sealed record RulesSettings(int? RingTimeoutSeconds, bool? Voicemail, bool? BlockAnonymous);

    internal sealed record MoveRequest(string? Direction);

    internal sealed record NumberEntry(string? Number, string? Name);

    internal sealed record NumberView(string Number, string? Name);

    internal sealed record NumberListsView(IReadOnlyList<NumberView> Allow, IReadOnlyList<NumberView> Block)
    {
        public static NumberListsView Of(AnsweringRuleSet set, PhoneNumberCanonicalizer numbers) => new(
            [.. set.AllowList.Entries.Select(e => new NumberView(numbers.Format(e.Number), e.Name))],
            [.. set.BlockList.Entries.Select(e => new NumberView(numbers.Format(e.Number), e.Name))]);
    }

    internal sealed record ImportResult(int Allowed, int Blocked, NumberListsView Lists);

    /// <summary>
    /// One rule in the rule shape of the routing JSON format. The package reads and writes whole rule sets, so a rule is
    /// written as the matching element of its set's document and read as the only rule of a one-rule document; errors
    /// are then reported relative to the rule the client sent (path, line and position).
    /// </summary>
    /// <summary>One rule in the package's rule shape (<see cref="AnsweringRulesJson.SerializeRule"/>, <see cref="AnsweringRulesJson.TryDeserializeRule"/>), with errors as problems that name the property, line and position.</summary>
    internal static partial class RuleJson
    {
        public static JsonNode Write(AnsweringRule rule) => JsonNode.Parse(AnsweringRulesJson.SerializeRule(rule))!;

        public static (AnsweringRule? Rule, ValidationProblem? Problem) Read(string extension, byte[] body, bool isDefault, PhoneNumberCanonicalizer numbers)
        {
            if (AnsweringRulesJson.TryDeserializeRule(body, extension, isDefault, out var rule, out var error, numbers))
            {
                return (rule, null);
            }

            var field = error.Field ?? "$";
            var message = LocationSuffix().Replace(error.Message, string.Empty);
            if (message.StartsWith(field + ": ", StringComparison.Ordinal))
            {
                message = message[(field.Length + 2)..];
            }

            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] };
            return (null, TypedResults.ValidationProblem(
                errors,
                title: "The rule is not valid.",
                detail: $"{field}: {message}",
                extensions: new Dictionary<string, object?> { ["field"] = field, ["line"] = error.Line ?? 1, ["position"] = error.Position }));
        }

        [GeneratedRegex(@"\s*\(line \d+, column \d+\)\s*$")]
        private static partial Regex LocationSuffix();
    }
}
