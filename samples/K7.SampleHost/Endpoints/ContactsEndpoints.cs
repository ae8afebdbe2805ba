using System.Collections.Frozen;
using K7.Contacts;
using K7.Contacts.Formats;
using K7.SampleHost.Api;
using K7.SampleHost.Contacts;
using K7.SampleHost.Seed;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NodaTime.Text;

namespace K7.SampleHost.Endpoints;

/// <summary>
/// The Contacts page: search (text, match mode, group, status, order, paging), groups, stars, personal and shared
/// contacts, import and export, and the user's own presence. Who may change what is the package's rule
/// (<see cref="ContactActor"/>): a refusal is 403.
/// </summary>
internal static class ContactsEndpoints
{
    private const int MaxTake = 500;

    private static readonly FrozenDictionary<string, ContactFileFormat> Formats = new Dictionary<string, ContactFileFormat>(StringComparer.OrdinalIgnoreCase)
    {
        ["k7"] = ContactFileFormat.K7Csv,
        ["k7Csv"] = ContactFileFormat.K7Csv,
        ["outlook"] = ContactFileFormat.OutlookCsv,
        ["outlookCsv"] = ContactFileFormat.OutlookCsv,
        ["google"] = ContactFileFormat.GoogleCsv,
        ["googleCsv"] = ContactFileFormat.GoogleCsv,
        ["vcard"] = ContactFileFormat.VCard,
        ["apple"] = ContactFileFormat.VCard,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The user-contact sync (a hosted service after the directory loads) and the demo contacts.</summary>
    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton<UserContactSync>();
        services.AddHostedService(sp => sp.GetRequiredService<UserContactSync>());
        services.AddSingleton<IDemoSeed, ContactsDemoSeed>();
    }

    public static void Map(RouteGroupBuilder user)
    {
        var contacts = user.MapGroup("/contacts").WithTags("Contacts");
        contacts.MapGet("/", Search).WithSummary("Search the contacts the user sees (text, match, group, groupName, status, sort, skip, take)");
        contacts.MapGet("/groups", Groups).WithSummary("The contact groups, with the sites and departments there are");
        contacts.MapGet("/export", Export).WithSummary("Download a group as Outlook CSV, Google CSV, vCard (Apple) or the K7 template");
        contacts.MapPost("/import", Import).WithSummary("Import a .csv or .vcf file (multipart 'file'; format auto or given; all or nothing unless skipInvalidRows)").DisableAntiforgery();
        contacts.MapGet("/{id}", Get).WithSummary("One contact");
        contacts.MapPost("/", Add).WithSummary("Add a personal contact (or, for office managers, a shared contact or a user)");
        contacts.MapPut("/{id}", Update).WithSummary("Change a contact (a user's extension cannot change; extension, site and department are kept when omitted)");
        contacts.MapDelete("/{id}", Remove).WithSummary("Remove a contact");
        contacts.MapPut("/{id}/favorite", Star).WithSummary("Star a contact (add it to the user's favorites)");
        contacts.MapDelete("/{id}/favorite", Unstar).WithSummary("Unstar a contact");

        var presence = user.MapGroup("/presence").WithTags("Contacts");
        presence.MapGet("/", GetPresence).WithSummary("The user's presence: state and status message");
        presence.MapPut("/", SetPresence).WithSummary("Set the user's presence state and status message");
    }

    internal static Results<Ok<ContactPage>, ValidationProblem> Search(
        UserScope scope,
        ContactDirectory directory,
        string? text = null,
        string? match = null,
        string? group = null,
        string? groupName = null,
        string? status = null,
        string? sort = null,
        int skip = 0,
        int take = 50)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var matchMode = ParseEnum("match", match, ContactMatchMode.Substring, errors);
        var contactGroup = ParseEnum("group", group, ContactGroup.All, errors);
        var presenceFilter = ParseEnum("status", status, PresenceFilter.Any, errors);
        var order = ParseEnum("sort", sort, ContactSort.LastName, errors);
        if (skip < 0)
        {
            errors["skip"] = ["Use 0 or more."];
        }

        if (take is < 1 or > MaxTake)
        {
            errors["take"] = [$"Use 1 to {MaxTake}."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Fields(errors);
        }

        var viewer = Viewer(scope);
        var result = directory.Search(viewer, new ContactQuery
        {
            Text = string.IsNullOrWhiteSpace(text) ? null : text,
            Match = matchMode,
            Group = contactGroup,
            GroupName = string.IsNullOrWhiteSpace(groupName) ? null : groupName.Trim(),
            Status = presenceFilter,
            Sort = order,
            Skip = skip,
            Take = take,
        });
        return TypedResults.Ok(new ContactPage([.. result.Items.Select(m => ContactView.Of(m.Contact, m.IsFavorite, m.Presence))], result.TotalCount));
    }

    internal static Ok<GroupsView> Groups(UserScope scope, ContactDirectory directory)
    {
        var viewer = Viewer(scope);
        static string[] Names(IEnumerable<string?> values) =>
            [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).Distinct(StringComparer.Ordinal).Order(StringComparer.OrdinalIgnoreCase)];
        return TypedResults.Ok(new GroupsView(
            [.. Enum.GetValues<ContactGroup>().Select(g => ApiNames.Camel(g.ToString()))],
            Names(directory.GetGroup(viewer, ContactGroup.Sites).Select(i => i.Contact.Site)),
            Names(directory.GetGroup(viewer, ContactGroup.Departments).Select(i => i.Contact.Department))));
    }

    internal static Results<Ok<ContactView>, ProblemHttpResult> Get(UserScope scope, string id, ContactDirectory directory) =>
        Find(scope, id, directory) is { } contact
            ? TypedResults.Ok(View(scope, contact, directory))
            : ApiProblems.NotFound($"There is no contact '{id}'.");

    internal static async Task<Results<Created<ContactView>, ValidationProblem, ProblemHttpResult>> Add(UserScope scope, ContactInput request, ContactDirectory directory, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var kind = ParseEnum("kind", request.Kind, ContactKind.Personal, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Fields(errors);
        }

        var contact = new Contact
        {
            Id = default,
            Kind = kind,
            OwnerId = kind == ContactKind.Personal ? Viewer(scope) : default,
            FirstName = request.FirstName?.Trim() ?? string.Empty,
            LastName = request.LastName?.Trim() ?? string.Empty,
            Extension = Blank(request.Extension),
            WorkNumber = Blank(request.WorkNumber),
            MobileNumber = Blank(request.MobileNumber),
            HomeNumber = Blank(request.HomeNumber),
            FaxNumber = Blank(request.FaxNumber),
            Email = Blank(request.Email),
            Site = Blank(request.Site),
            Department = Blank(request.Department),
        };
        var (saved, refused) = await Attempt(() => directory.AddAsync(Actor(scope), contact, cancellationToken)).ConfigureAwait(false);
        return refused ?? (Results<Created<ContactView>, ValidationProblem, ProblemHttpResult>)TypedResults.Created($"contacts/{saved!.Id}", View(scope, saved, directory));
    }

    internal static async Task<Results<Ok<ContactView>, ValidationProblem, ProblemHttpResult>> Update(UserScope scope, string id, ContactInput request, ContactDirectory directory, CancellationToken cancellationToken)
    {
        if (Find(scope, id, directory) is not { } existing)
        {
            return ApiProblems.NotFound($"There is no contact '{id}'.");
        }

        if (request.Kind is not null && !string.Equals(request.Kind, ApiNames.Camel(existing.Kind.ToString()), StringComparison.OrdinalIgnoreCase))
        {
            return ApiProblems.Field("kind", $"A contact's kind cannot change (it is {ApiNames.Camel(existing.Kind.ToString())}).");
        }

        var changed = existing with
        {
            FirstName = request.FirstName?.Trim() ?? string.Empty,
            LastName = request.LastName?.Trim() ?? string.Empty,
            Extension = request.Extension is null ? existing.Extension : Blank(request.Extension),
            WorkNumber = Blank(request.WorkNumber),
            MobileNumber = Blank(request.MobileNumber),
            HomeNumber = Blank(request.HomeNumber),
            FaxNumber = Blank(request.FaxNumber),
            Email = Blank(request.Email),
            Site = request.Site is null ? existing.Site : Blank(request.Site),
            Department = request.Department is null ? existing.Department : Blank(request.Department),
        };
        var (saved, refused) = await Attempt(() => directory.UpdateAsync(Actor(scope), changed, cancellationToken)).ConfigureAwait(false);
        return refused ?? (Results<Ok<ContactView>, ValidationProblem, ProblemHttpResult>)TypedResults.Ok(View(scope, saved!, directory));
    }

    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Remove(UserScope scope, string id, ContactDirectory directory, CancellationToken cancellationToken)
    {
        if (Find(scope, id, directory) is not { } existing)
        {
            return ApiProblems.NotFound($"There is no contact '{id}'.");
        }

        var (removed, refused) = await Attempt(() => directory.RemoveAsync(Actor(scope), existing.Id, cancellationToken)).ConfigureAwait(false);
        return refused ?? (removed ? TypedResults.NoContent() : (Results<NoContent, ValidationProblem, ProblemHttpResult>)ApiProblems.NotFound($"There is no contact '{id}'."));
    }

    internal static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Star(UserScope scope, string id, ContactDirectory directory, CancellationToken cancellationToken) =>
        SetStar(scope, id, directory, favorite: true, cancellationToken);

    internal static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Unstar(UserScope scope, string id, ContactDirectory directory, CancellationToken cancellationToken) =>
        SetStar(scope, id, directory, favorite: false, cancellationToken);

    internal static async Task<Results<Ok<ImportView>, ValidationProblem, ProblemHttpResult>> Import(
        UserScope scope,
        IFormFile? file,
        [FromForm] string? format,
        [FromForm] bool? skipInvalidRows,
        ContactImporter importer,
        IOptions<ContactsOptions> options,
        CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return ApiProblems.Field("file", "Choose a .csv or .vcf file to import.");
        }

        if (file.Length > options.Value.MaxImportBytes)
        {
            return ApiProblems.Field("file", $"The file is larger than the limit of {options.Value.MaxImportBytes} bytes.");
        }

        ContactFileFormat? fileFormat = null;
        if (!string.IsNullOrWhiteSpace(format) && !string.Equals(format.Trim(), "auto", StringComparison.OrdinalIgnoreCase))
        {
            if (!Formats.TryGetValue(format.Trim(), out var given))
            {
                return ApiProblems.Field("format", $"'{format}' is not a format; use auto, outlook, google, vcard or k7.");
            }

            fileFormat = given;
        }

        var (result, refused) = await Attempt(async () =>
        {
            await using var stream = file.OpenReadStream();
            return await importer.ImportAsync(
                Actor(scope),
                stream,
                new ContactImportOptions { Format = fileFormat, SkipInvalidRows = skipInvalidRows ?? false },
                cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
        if (result is null)
        {
            return refused!;
        }

        return TypedResults.Ok(new ImportView(
                FormatName(result.Format),
                result.RowsRead,
                result.Added.Count,
                result.Updated.Count,
                result.Unchanged,
                [.. result.Skipped.Select(s => new ImportProblem(s.Line, s.Column, s.Field, s.Message))]));
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem>> Export(
        UserScope scope,
        ContactExporter exporter,
        CancellationToken cancellationToken,
        string? group = null,
        string? groupName = null,
        string? format = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var contactGroup = ParseEnum("group", group, ContactGroup.All, errors);
        var fileFormat = ContactFileFormat.OutlookCsv;
        if (!string.IsNullOrWhiteSpace(format) && !Formats.TryGetValue(format.Trim(), out fileFormat))
        {
            errors["format"] = [$"'{format}' is not a format; use outlook, google, vcard or k7."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Fields(errors);
        }

        using var buffer = new MemoryStream();
        await exporter.ExportAsync(Viewer(scope), contactGroup, fileFormat, buffer, string.IsNullOrWhiteSpace(groupName) ? null : groupName.Trim(), cancellationToken: cancellationToken).ConfigureAwait(false);
        return TypedResults.File(buffer.ToArray(), ContactExporter.ContentType(fileFormat), ContactExporter.FileName(contactGroup, fileFormat));
    }

    internal static Ok<PresenceView> GetPresence(UserScope scope, PresenceTracker presence) =>
        TypedResults.Ok(PresenceView.Of(presence.Get(Viewer(scope))));

    internal static Results<Ok<PresenceView>, ValidationProblem> SetPresence(UserScope scope, PresenceInput request, PresenceTracker presence)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.State))
        {
            errors["state"] = ["Choose available, availableForChat, busy or offline."];
        }

        var state = ParseEnum("state", request.State, PresenceState.Offline, errors);
        var message = string.IsNullOrWhiteSpace(request.Message) ? null : request.Message.Trim();
        if (message is { Length: > Presence.MaxMessageLength })
        {
            errors["message"] = [$"Use at most {Presence.MaxMessageLength} characters."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Fields(errors);
        }

        return TypedResults.Ok(PresenceView.Of(presence.Set(Viewer(scope), state, message)));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SetStar(UserScope scope, string id, ContactDirectory directory, bool favorite, CancellationToken cancellationToken)
    {
        if (Find(scope, id, directory) is not { } existing)
        {
            return ApiProblems.NotFound($"There is no contact '{id}'.");
        }

        var (_, refused) = await Attempt(() => directory.SetFavoriteAsync(Viewer(scope), existing.Id, favorite, cancellationToken)).ConfigureAwait(false);
        return refused ?? (Results<NoContent, ValidationProblem, ProblemHttpResult>)TypedResults.NoContent();
    }

    /// <summary>Runs a change and turns the package's refusals into problems: 403 (not allowed), 404 (gone); a refused field (ContactValidationException) becomes a 400 naming it in ApiExceptionHandler.</summary>
    private static async Task<(T? Value, ProblemHttpResult? Refused)> Attempt<T>(Func<Task<T>> change)
    {
        try
        {
            return (await change().ConfigureAwait(false), null);
        }
        catch (UnauthorizedAccessException e)
        {
            return (default, ApiProblems.Forbidden(e.Message));
        }
        catch (KeyNotFoundException e)
        {
            return (default, ApiProblems.NotFound(e.Message));
        }
    }

    private static Contact? Find(UserScope scope, string id, ContactDirectory directory)
    {
        if (!ContactId.TryParse(id, out var contactId) || directory.Get(contactId) is not { } contact)
        {
            return null;
        }

        var viewer = Viewer(scope);
        var visible = contact.IsVisibleTo(viewer) || contact.Id == viewer || (scope.IsOfficeManager && scope.IsSelf && contact.Kind != ContactKind.Personal);
        return visible ? contact : null;
    }

    private static ContactView View(UserScope scope, Contact contact, ContactDirectory directory) =>
        ContactView.Of(contact, directory.GetFavorites(Viewer(scope)).Contains(contact.Id), directory.Presence.Get(contact.Id));

    private static ContactId Viewer(UserScope scope) => ContactId.Parse(scope.Extension);

    private static ContactActor Actor(UserScope scope)
    {
        var caller = ContactId.Parse(scope.Caller.Extension);
        return scope.IsOfficeManager ? ContactActor.OfficeManager(caller) : ContactActor.User(caller);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string FormatName(ContactFileFormat format) => format switch
    {
        ContactFileFormat.OutlookCsv => "outlook",
        ContactFileFormat.GoogleCsv => "google",
        ContactFileFormat.VCard => "vcard",
        _ => "k7",
    };

    /// <summary>Parses an enum by its camelCase (or any case) name; numbers are refused.</summary>
    private static T ParseEnum<T>(string field, string? text, T fallback, Dictionary<string, string[]> errors)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        var trimmed = text.Trim();
        if (!char.IsAsciiDigit(trimmed[0]) && trimmed[0] != '-' && Enum.TryParse<T>(trimmed, ignoreCase: true, out var value) && Enum.IsDefined(value))
        {
            return value;
        }

        errors[field] = [$"'{text}' is not one of {string.Join(", ", Enum.GetNames<T>().Select(ApiNames.Camel))}."];
        return fallback;
    }

    internal sealed record ContactPage(IReadOnlyList<ContactView> Items, int Total);

    internal sealed record ContactView(
        string Id,
        string Kind,
        string FirstName,
        string LastName,
        string DisplayName,
        string? Extension,
        string? WorkNumber,
        string? MobileNumber,
        string? HomeNumber,
        string? FaxNumber,
        string? Email,
        string? Site,
        string? Department,
        bool IsFavorite,
        PresenceView Presence)
    {
        public static ContactView Of(Contact c, bool isFavorite, Presence presence) => new(
            c.Id.Value,
            ApiNames.Camel(c.Kind.ToString()),
            c.FirstName,
            c.LastName,
            c.DisplayName,
            c.Extension,
            c.WorkNumber,
            c.MobileNumber,
            c.HomeNumber,
            c.FaxNumber,
            c.Email,
            c.Site,
            c.Department,
            isFavorite,
            PresenceView.Of(presence));
    }

    internal sealed record PresenceView(string State, string? Message, string Since)
    {
        public static PresenceView Of(Presence p) => new(ApiNames.Camel(p.State.ToString()), p.Message, InstantPattern.ExtendedIso.Format(p.Since));
    }

    internal sealed record GroupsView(IReadOnlyList<string> Groups, IReadOnlyList<string> Sites, IReadOnlyList<string> Departments);

    internal sealed record ContactInput(
        string? Kind = null,
        string? FirstName = null,
        string? LastName = null,
        string? Extension = null,
        string? WorkNumber = null,
        string? MobileNumber = null,
        string? HomeNumber = null,
        string? FaxNumber = null,
        string? Email = null,
        string? Site = null,
        string? Department = null);

    internal sealed record PresenceInput(string? State, string? Message = null);

    internal sealed record ImportView(string Format, int RowsRead, int Added, int Updated, int Unchanged, IReadOnlyList<ImportProblem> Skipped);

    internal sealed record ImportProblem(int Line, int Column, string? Field, string Message);
}
