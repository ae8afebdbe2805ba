using System.Globalization;
using System.Text;
using CsvHelper;
using K7.Routing;
using K7.SampleHost.Api;
using K7.SampleHost.CallHistory;
using K7.SampleHost.Routing;
using K7.SampleHost.Seed;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;

namespace K7.SampleHost.Endpoints;

/// <summary>The Call History page: the user's calls (filters, paging, CSV export) and the numbers they block.</summary>
internal static class CallHistoryEndpoints
{
    private const int MaxExportRows = 100_000;

    // Spreadsheet-safe cells: one that starts with = + - @ (or a tab or carriage return) gets a leading ' (CSV injection).
    private static readonly CsvWriterOptions CsvOptions = CsvWriterOptions.Default with
    {
        Separator = ',',
        NewLine = "\r\n",
        Quoting = CsvQuoting.WhenNeeded,
        Injection = CsvInjection.Escape,
        InjectionCharacters = "=+-@\t\r",
        InjectionEscape = '\'',
    };

    /// <summary>The call history store, the recorder (a hosted service listening to the SIP proxy) and the demo calls.</summary>
    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton<CallHistoryStore>();
        services.AddSingleton<CallerNames>();
        services.AddSingleton<CallHistoryRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<CallHistoryRecorder>());
        services.AddSingleton<IDemoSeed, CallHistoryDemoSeed>();
    }

    public static void Map(RouteGroupBuilder user)
    {
        var history = user.MapGroup("/call-history").WithTags("Call History");
        history.MapGet("/", List).WithSummary("The user's calls, newest first (filters: from, to, callerNumber, dialedNumber, type; paging: skip, take)");
        history.MapGet("/export", Export).WithSummary("The filtered calls as a CSV download");
        history.MapGet("/blocked", Blocked).WithSummary("The numbers the user blocks (the answering rules' block list)");
        history.MapPost("/block", Block).WithSummary("Block a number (adds it to the answering rules' block list)");
        history.MapDelete("/block/{number}", Unblock).WithSummary("Unblock a number");
    }

    internal static Results<Ok<CallHistoryView>, ValidationProblem> List(
        UserScope scope,
        CallHistoryStore store,
        IDateTimeZoneProvider zones,
        [AsParameters] CallFilters filters,
        int skip = 0,
        int take = 50)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var query = ParseFilters(scope, zones, filters, errors);
        if (skip < 0)
        {
            errors["skip"] = ["Use 0 or more."];
        }

        if (take is < 1 or > CallHistoryQuery.MaxTake)
        {
            errors["take"] = [$"Use 1 to {CallHistoryQuery.MaxTake}."];
        }

        if (errors.Count > 0 || query is null)
        {
            return ApiProblems.Fields(errors);
        }

        var page = store.Query(scope.Extension, query with { Skip = skip, Take = take });
        return TypedResults.Ok(new CallHistoryView([.. page.Items.Select(CallView.Of)], page.Total));
    }

    internal static Results<FileContentHttpResult, ValidationProblem> Export(
        UserScope scope,
        CallHistoryStore store,
        IDateTimeZoneProvider zones,
        [AsParameters] CallFilters filters)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var query = ParseFilters(scope, zones, filters, errors);
        if (errors.Count > 0 || query is null)
        {
            return ApiProblems.Fields(errors);
        }

        var zone = zones.GetZoneOrNull(scope.User.TimeZone) ?? DateTimeZone.Utc;
        var records = new List<CallRecord>();
        for (var skip = 0; skip < MaxExportRows; skip += CallHistoryQuery.MaxTake)
        {
            var page = store.Query(scope.Extension, query with { Skip = skip, Take = CallHistoryQuery.MaxTake });
            records.AddRange(page.Items);
            if (page.Items.Count < CallHistoryQuery.MaxTake)
            {
                break;
            }
        }

        var bytes = WriteCsv(records, zone);
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"call-history-{scope.Extension}.csv");
    }

    internal static Ok<BlockedView> Blocked(UserScope scope, AnsweringRulesStore rules, IRouteResolver resolver, HostSettings settings)
    {
        var numbers = Canonicalizer(resolver, settings);
        return TypedResults.Ok(new BlockedView([.. rules.Get(scope.Extension).BlockList.Entries.Select(e => new BlockedNumber(numbers.Format(e.Number), e.Name))]));
    }

    internal static Results<Ok<BlockedNumber>, ValidationProblem> Block(UserScope scope, BlockRequest request, AnsweringRulesStore rules, IRouteResolver resolver, HostSettings settings)
    {
        var numbers = Canonicalizer(resolver, settings);
        if (string.IsNullOrWhiteSpace(request.Number))
        {
            return ApiProblems.Field("number", "Enter the phone number to block.");
        }

        if (!numbers.TryParse(request.Number, out var key, out var error))
        {
            return ApiProblems.Field("number", $"'{request.Number}' is not a phone number: {error}.");
        }

        var name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim();
        rules.Update(scope.Extension, r => r.WithLists(r.AllowList, r.BlockList.Add(new NumberListEntry(key, name))));
        return TypedResults.Ok(new BlockedNumber(numbers.Format(key), name));
    }

    internal static Results<NoContent, ValidationProblem, ProblemHttpResult> Unblock(UserScope scope, string number, AnsweringRulesStore rules, IRouteResolver resolver, HostSettings settings)
    {
        var numbers = Canonicalizer(resolver, settings);
        if (!numbers.TryParse(number, out var key, out var error))
        {
            return ApiProblems.Field("number", $"'{number}' is not a phone number: {error}.");
        }

        if (!rules.Get(scope.Extension).BlockList.Contains(key))
        {
            return ApiProblems.NotFound($"{numbers.Format(key)} is not blocked.");
        }

        rules.Update(scope.Extension, r => r.WithLists(r.AllowList, r.BlockList.Remove(key)));
        return TypedResults.NoContent();
    }

    /// <summary>The filters as a query (dates are whole days in the user's time zone, <c>to</c> included), or null with the errors filled in.</summary>
    internal static CallHistoryQuery? ParseFilters(UserScope scope, IDateTimeZoneProvider zones, CallFilters filters, Dictionary<string, string[]> errors)
    {
        var (from, to, callerNumber, dialedNumber, type) = filters;
        var zone = zones.GetZoneOrNull(scope.User.TimeZone) ?? DateTimeZone.Utc;
        var start = ParseMoment("from", from, zone, endOfDay: false, errors);
        var until = ParseMoment("to", to, zone, endOfDay: true, errors);
        if (start is { } s && until is { } u && u <= s)
        {
            errors["to"] = ["Use a date or instant after 'from'."];
        }

        CallType? callType = null;
        if (!string.IsNullOrWhiteSpace(type))
        {
            if (Enum.TryParse<CallType>(type.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsAsciiDigit(type.Trim()[0]))
            {
                callType = parsed;
            }
            else
            {
                errors["type"] = [$"'{type}' is not a call type; use one of {string.Join(", ", Enum.GetNames<CallType>().Select(ApiNames.Camel))}."];
            }
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return new CallHistoryQuery
        {
            From = start,
            Until = until,
            CallerNumber = string.IsNullOrWhiteSpace(callerNumber) ? null : callerNumber.Trim(),
            DialedNumber = string.IsNullOrWhiteSpace(dialedNumber) ? null : dialedNumber.Trim(),
            Type = callType,
        };
    }

    internal static byte[] WriteCsv(IEnumerable<CallRecord> records, DateTimeZone zone)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = CsvWriter.Create(writer, CsvOptions, leaveOpen: true))
        {
            csv.WriteHeader(["Date", "Direction", "Number", "Name", "Dialed Number", "Answered By", "Outcome", "Duration (seconds)"]);
            var local = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm':'ss");
            foreach (var r in records)
            {
                csv.WriteField(local.Format(r.Start.InZone(zone).LocalDateTime));
                csv.WriteField(ApiNames.Camel(r.Direction.ToString()));
                csv.WriteField(r.CallerNumber);
                csv.WriteField(r.CallerName ?? string.Empty);
                csv.WriteField(r.DialedNumber);
                csv.WriteField(r.AnsweredBy ?? string.Empty);
                csv.WriteField(ApiNames.Camel(r.Outcome.ToString()));
                csv.WriteField(r.DurationSeconds.ToString(CultureInfo.InvariantCulture));
                csv.EndRecord();
            }
        }

        return buffer.ToArray();
    }

    private static Instant? ParseMoment(string field, string? text, DateTimeZone zone, bool endOfDay, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        var date = LocalDatePattern.Iso.Parse(text);
        if (date.Success)
        {
            return (endOfDay ? date.Value.PlusDays(1) : date.Value).AtStartOfDayInZone(zone).ToInstant();
        }

        var instant = InstantPattern.ExtendedIso.Parse(text);
        var moment = instant.Success ? instant.Value : OffsetDateTimePattern.ExtendedIso.Parse(text) is { Success: true } offset ? offset.Value.ToInstant() : (Instant?)null;
        if (moment is null)
        {
            errors[field] = [$"'{text}' is not a date (2025-06-03, in the user's time zone) or an instant (2025-06-03T14:00:00Z)."];
            return null;
        }

        return endOfDay ? moment.Value + Duration.FromTicks(1) : moment.Value;
    }

    private static PhoneNumberCanonicalizer Canonicalizer(IRouteResolver resolver, HostSettings settings) =>
        resolver is RouteResolver r ? r.Numbers : new PhoneNumberCanonicalizer(settings.Options.DefaultRegion);

    /// <summary>The page's filters, from the query string (all optional).</summary>
    internal readonly record struct CallFilters(string? From, string? To, string? CallerNumber, string? DialedNumber, string? Type);

    internal sealed record CallHistoryView(IReadOnlyList<CallView> Items, int Total);

    internal sealed record CallView(
        string Id,
        string Direction,
        string CallerNumber,
        string? CallerName,
        string DialedNumber,
        string? AnsweredBy,
        string Outcome,
        string Start,
        long DurationSeconds)
    {
        public static CallView Of(CallRecord r) => new(
            r.Id,
            ApiNames.Camel(r.Direction.ToString()),
            r.CallerNumber,
            r.CallerName,
            r.DialedNumber,
            r.AnsweredBy,
            ApiNames.Camel(r.Outcome.ToString()),
            InstantPattern.ExtendedIso.Format(r.Start),
            r.DurationSeconds);
    }

    internal sealed record BlockRequest(string? Number, string? Name = null);

    internal sealed record BlockedNumber(string Number, string? Name);

    internal sealed record BlockedView(IReadOnlyList<BlockedNumber> Items);
}
