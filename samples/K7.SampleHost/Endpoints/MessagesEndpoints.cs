using System.Collections.Immutable;
using System.Globalization;
using K7.SampleHost.Api;
using K7.SampleHost.Domain;
using K7.Voicemail;
using K7.Voicemail.Audio;
using K7.Voicemail.Greetings;
using K7.Voicemail.Settings;
using K7.Voicemail.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace K7.SampleHost.Endpoints;

/// <summary>
/// The Messages page: the voicemail list (new, saved, trash) with its tools (download, save, trash, restore, delete,
/// forward), the counts, and the Settings tab (voicemail settings, greetings, recorded name).
/// </summary>
internal static class MessagesEndpoints
{
    private const string WavMediaType = "audio/wav";
    private const string Mp3MediaType = "audio/mpeg";

    public static void Map(RouteGroupBuilder user)
    {
        var messages = user.MapGroup("/messages").WithTags("Messages");

        var voicemail = messages.MapGroup("/voicemail");
        voicemail.MapGet("/", List).WithSummary("The voicemails of one folder (new, saved or trash), latest or oldest first");
        voicemail.MapGet("/counts", Counts).WithSummary("How many voicemails are new, saved and in trash");
        voicemail.MapGet("/{id}", Get).WithSummary("One voicemail");
        voicemail.MapGet("/{id}/audio", Download).WithSummary("Download the voicemail's audio (WAV; range requests allowed)");
        voicemail.MapPost("/{id}/save", Save).WithSummary("Move the voicemail to the Saved folder");
        voicemail.MapPost("/{id}/trash", Trash).WithSummary("Move the voicemail to trash (trash is emptied daily)");
        voicemail.MapPost("/{id}/restore", Restore).WithSummary("Move a voicemail from trash back to the Saved folder");
        voicemail.MapDelete("/{id}", Delete).WithSummary("Delete a voicemail for good (only from trash)");
        voicemail.MapPost("/{id}/forward", Forward).WithSummary("Forward a copy of the voicemail, as new, to another user's mailbox");

        messages.MapGet("/settings", GetSettings).WithSummary("The voicemail settings and e-mail notification");
        messages.MapPut("/settings", PutSettings).WithSummary("Change the voicemail settings and e-mail notification");

        var greetings = messages.MapGroup("/greetings");
        greetings.MapGet("/", ListGreetings).WithSummary("The stored voicemail greetings and which one is active");
        greetings.MapPost("/", UploadGreeting).DisableAntiforgery().WithSummary("Add a greeting from an uploaded WAV or MP3 file (multipart: file, name, activate)");
        greetings.MapPost("/text", GreetingFromText).WithSummary("Add a greeting made by text to speech");
        greetings.MapPut("/active", SetActiveGreeting).WithSummary("Choose the active greeting (null: the system greeting)");
        greetings.MapGet("/{id:guid}/audio", DownloadGreeting).WithSummary("Download a greeting's audio");
        greetings.MapDelete("/{id:guid}", DeleteGreeting).WithSummary("Delete a greeting");

        var name = messages.MapGroup("/recorded-name");
        name.MapGet("/", GetRecordedName).WithSummary("The recorded name (for the company directory), if any");
        name.MapGet("/audio", DownloadRecordedName).WithSummary("Download the recorded name's audio");
        name.MapPut("/", UploadRecordedName).DisableAntiforgery().WithSummary("Replace the recorded name with an uploaded WAV or MP3 file (multipart: file)");
        name.MapPut("/text", RecordedNameFromText).WithSummary("Replace the recorded name with text to speech");
        name.MapDelete("/", DeleteRecordedName).WithSummary("Delete the recorded name");
    }

    // ---- voicemail ----
    internal static async Task<Results<Ok<ImmutableArray<VoicemailView>>, ValidationProblem>> List(
        UserScope scope, VoicemailService voicemail, IVoicemailStore store, string? folder = null, string? sort = null, CancellationToken cancellationToken = default)
    {
        if (!TryFolder(folder ?? "new", out var which))
        {
            return ApiProblems.Field("folder", $"'{folder}' is not a folder: use new, saved or trash.");
        }

        IReadOnlyList<VoicemailMessage> list;
        switch (sort)
        {
            case null or "":
                list = await voicemail.ListAsync(Mailbox(scope), which, cancellationToken);
                break;
            case "latest":
            case "oldest":
                list = await store.ListAsync(Mailbox(scope), which, sort == "latest" ? VoicemailSort.LatestFirst : VoicemailSort.OldestFirst, cancellationToken);
                break;
            default:
                return ApiProblems.Field("sort", $"'{sort}' is not an order: use latest or oldest (or leave it out for the mailbox's setting).");
        }

        return TypedResults.Ok(list.Select(VoicemailView.Of).ToImmutableArray());
    }

    internal static async Task<CountsView> Counts(UserScope scope, VoicemailService voicemail, CancellationToken cancellationToken)
    {
        var counts = await voicemail.CountsAsync(Mailbox(scope), cancellationToken);
        return new CountsView(counts.New, counts.Saved, counts.Trash, counts.Total);
    }

    internal static async Task<Results<Ok<VoicemailView>, ProblemHttpResult>> Get(UserScope scope, string id, IVoicemailStore store, CancellationToken cancellationToken) =>
        await Find(scope, id, store, cancellationToken) is { } message ? TypedResults.Ok(VoicemailView.Of(message)) : NoMessage(id);

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(UserScope scope, string id, VoicemailService voicemail, CancellationToken cancellationToken)
    {
        if (!VoicemailMessageId.TryParse(id, out var messageId) || await voicemail.DownloadAsync(Mailbox(scope), messageId, cancellationToken) is not { } audio)
        {
            return NoMessage(id);
        }

        return TypedResults.File(audio, WavMediaType, $"voicemail-{scope.Extension}-{id}.wav", enableRangeProcessing: true);
    }

    internal static Task<Results<Ok<VoicemailView>, ProblemHttpResult>> Save(UserScope scope, string id, VoicemailService voicemail, IVoicemailStore store, CancellationToken cancellationToken) =>
        Move(scope, id, store, null, (m, i, ct) => voicemail.SaveAsync(m, i, ct), cancellationToken);

    internal static Task<Results<Ok<VoicemailView>, ProblemHttpResult>> Trash(UserScope scope, string id, VoicemailService voicemail, IVoicemailStore store, CancellationToken cancellationToken) =>
        Move(scope, id, store, null, (m, i, ct) => voicemail.TrashAsync(m, i, ct), cancellationToken);

    internal static Task<Results<Ok<VoicemailView>, ProblemHttpResult>> Restore(UserScope scope, string id, VoicemailService voicemail, IVoicemailStore store, CancellationToken cancellationToken) =>
        Move(scope, id, store, VoicemailFolder.Trash, (m, i, ct) => voicemail.RestoreAsync(m, i, ct), cancellationToken);

    internal static async Task<Results<NoContent, ProblemHttpResult>> Delete(UserScope scope, string id, VoicemailService voicemail, IVoicemailStore store, CancellationToken cancellationToken)
    {
        if (await Find(scope, id, store, cancellationToken) is not { } message)
        {
            return NoMessage(id);
        }

        if (message.Folder != VoicemailFolder.Trash)
        {
            return ApiProblems.Conflict("folder", $"Voicemail {id} is in {FolderName(message.Folder)}; move it to trash before deleting it for good.");
        }

        return await voicemail.DeleteAsync(Mailbox(scope), message.Id, cancellationToken) ? TypedResults.NoContent() : NoMessage(id);
    }

    internal static async Task<Results<Created<VoicemailView>, ValidationProblem, ProblemHttpResult>> Forward(
        UserScope scope, string id, ForwardRequest request, VoicemailService voicemail, IVoicemailStore store, UserDirectory users, CancellationToken cancellationToken)
    {
        if (await Find(scope, id, store, cancellationToken) is not { } message)
        {
            return NoMessage(id);
        }

        var target = request.Extension?.Trim();
        if (string.IsNullOrEmpty(target) || users.Find(target) is null)
        {
            return ApiProblems.Field("extension", $"There is no user with extension '{request.Extension}' to forward to.");
        }

        if (target == scope.Extension)
        {
            return ApiProblems.Field("extension", "The voicemail is already in this mailbox; choose another user.");
        }

        var copy = await voicemail.ForwardAsync(Mailbox(scope), message.Id, MailboxId.Parse(target), cancellationToken);
        if (copy is null)
        {
            return NoMessage(id);
        }

        return TypedResults.Created($"/api/users/{target}/messages/voicemail/{copy.Id}", VoicemailView.Of(copy));
    }

    // ---- settings ----
    internal static async Task<SettingsView> GetSettings(UserScope scope, IVoicemailSettingsStore settings, CancellationToken cancellationToken) =>
        SettingsView.Of(await settings.GetAsync(Mailbox(scope), cancellationToken));

    internal static async Task<Results<Ok<SettingsView>, ValidationProblem>> PutSettings(UserScope scope, SettingsUpdate request, IVoicemailSettingsStore settings, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var notification = EmailNotification.Off;
        var after = AfterNotification.LeaveAsNew;
        if (request.Notification is { } n && !NotificationNames.TryGetValue(n, out notification))
        {
            errors["notification"] = [$"'{n}' is not an e-mail type: use {string.Join(", ", NotificationNames.Keys)}."];
        }

        if (request.AfterNotification is { } a && !AfterNames.TryGetValue(a, out after))
        {
            errors["afterNotification"] = [$"'{a}' is not an action after notification: use {string.Join(", ", AfterNames.Keys)}."];
        }

        var wanted = new VoicemailSettings
        {
            Enabled = request.Enabled ?? true,
            SortLatestFirst = request.SortLatestFirst ?? true,
            AnnounceReceivedTime = request.AnnounceReceivedTime,
            AnnounceCallerId = request.AnnounceCallerId,
            Notification = notification,
            AfterNotification = after,
            EmailAddresses = [.. (request.EmailAddresses ?? []).Select(e => e?.Trim() ?? string.Empty)],
        };
        if (errors.Count == 0)
        {
            foreach (var error in VoicemailSettingsValidator.Validate(wanted))
            {
                var field = ApiNames.Field(error.Field);
                errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, error.Reason] : [error.Reason];
            }
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Fields(errors);
        }

        await settings.SetAsync(Mailbox(scope), wanted, cancellationToken);
        return TypedResults.Ok(SettingsView.Of(await settings.GetAsync(Mailbox(scope), cancellationToken)));
    }

    // ---- greetings ----
    internal static async Task<GreetingsView> ListGreetings(UserScope scope, GreetingLibrary greetings, CancellationToken cancellationToken)
    {
        var all = await greetings.ListAsync(scope.Extension, cancellationToken);
        var active = await greetings.GetActiveAsync(scope.Extension, cancellationToken);
        return new GreetingsView(active?.Id, [.. all.Select(g => GreetingView.Of(g, g.Id == active?.Id))]);
    }

    internal static async Task<Results<Created<GreetingView>, ValidationProblem, ProblemHttpResult>> UploadGreeting(
        UserScope scope, IFormFile? file, [FromForm] string? name, [FromForm] bool? activate, GreetingLibrary greetings, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return ApiProblems.Field("file", "Choose a WAV or MP3 file to upload (multipart field 'file').");
        }

        var greetingName = string.IsNullOrWhiteSpace(name) ? Path.GetFileNameWithoutExtension(file.FileName) : name.Trim();
        if (await NameInUse(scope, greetingName, greetings, cancellationToken) is { } clash)
        {
            return clash;
        }

        try
        {
            await using var content = file.OpenReadStream();
            var greeting = await greetings.AddUploadAsync(scope.Extension, greetingName, content, activate ?? false, cancellationToken);
            return GreetingCreated(scope, greeting, activate ?? false);
        }
        catch (VoicemailValidationException e)
        {
            return FieldProblem(e);
        }
    }

    internal static async Task<Results<Created<GreetingView>, ValidationProblem, ProblemHttpResult>> GreetingFromText(
        UserScope scope, GreetingText request, GreetingLibrary greetings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return ApiProblems.Field("name", "Enter a name for the greeting.");
        }

        if (request.Voice is { } voice && !EspeakTextToSpeech.IsValidVoice(voice))
        {
            return ApiProblems.Field("voice", $"'{voice}' is not a voice name (letters, digits, '-' and '+', such as en-us or en-gb).");
        }

        var greetingName = request.Name.Trim();
        if (await NameInUse(scope, greetingName, greetings, cancellationToken) is { } clash)
        {
            return clash;
        }

        try
        {
            var greeting = await greetings.AddTextToSpeechAsync(scope.Extension, greetingName, request.Text ?? string.Empty, request.Voice, request.Activate, cancellationToken);
            return GreetingCreated(scope, greeting, request.Activate);
        }
        catch (VoicemailValidationException e)
        {
            return FieldProblem(e);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            return SpeechUnavailable(e);
        }
    }

    internal static async Task<Results<NoContent, ValidationProblem>> SetActiveGreeting(UserScope scope, ActiveGreeting request, GreetingLibrary greetings, CancellationToken cancellationToken)
    {
        if (request.Id is { } id && (await greetings.ListAsync(scope.Extension, cancellationToken)).All(g => g.Id != id))
        {
            return ApiProblems.Field("id", $"There is no greeting {id}.");
        }

        return await greetings.SetActiveAsync(scope.Extension, request.Id, cancellationToken)
            ? TypedResults.NoContent()
            : ApiProblems.Field("id", $"There is no greeting {request.Id}.");
    }

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadGreeting(UserScope scope, Guid id, GreetingLibrary greetings, CancellationToken cancellationToken)
    {
        var greeting = (await greetings.ListAsync(scope.Extension, cancellationToken)).FirstOrDefault(g => g.Id == id);
        if (greeting is null || await greetings.OpenAudioAsync(scope.Extension, id, cancellationToken) is not { } audio)
        {
            return ApiProblems.NotFound($"There is no greeting {id}.");
        }

        return TypedResults.File(audio, MediaType(greeting.Format), FileName(greeting.Name, greeting.Format), enableRangeProcessing: true);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteGreeting(UserScope scope, Guid id, GreetingLibrary greetings, CancellationToken cancellationToken) =>
        await greetings.DeleteAsync(scope.Extension, id, cancellationToken) ? TypedResults.NoContent() : ApiProblems.NotFound($"There is no greeting {id}.");

    // ---- recorded name ----
    internal static async Task<Results<Ok<RecordedNameView>, ProblemHttpResult>> GetRecordedName(UserScope scope, GreetingLibrary greetings, CancellationToken cancellationToken) =>
        await greetings.GetRecordedNameAsync(scope.Extension, cancellationToken) is { } name
            ? TypedResults.Ok(RecordedNameView.Of(name))
            : ApiProblems.NotFound($"User {scope.Extension} has no recorded name.");

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadRecordedName(UserScope scope, GreetingLibrary greetings, CancellationToken cancellationToken)
    {
        var name = await greetings.GetRecordedNameAsync(scope.Extension, cancellationToken);
        if (name is null || await greetings.OpenRecordedNameAudioAsync(scope.Extension, cancellationToken) is not { } audio)
        {
            return ApiProblems.NotFound($"User {scope.Extension} has no recorded name.");
        }

        return TypedResults.File(audio, MediaType(name.Format), FileName("recorded-name-" + scope.Extension, name.Format), enableRangeProcessing: true);
    }

    internal static async Task<Results<Ok<RecordedNameView>, ValidationProblem>> UploadRecordedName(UserScope scope, IFormFile? file, GreetingLibrary greetings, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return ApiProblems.Field("file", "Choose a WAV or MP3 file to upload (multipart field 'file').");
        }

        try
        {
            await using var content = file.OpenReadStream();
            return TypedResults.Ok(RecordedNameView.Of(await greetings.SetRecordedNameFromUploadAsync(scope.Extension, content, cancellationToken)));
        }
        catch (VoicemailValidationException e)
        {
            return FieldProblem(e);
        }
    }

    internal static async Task<Results<Ok<RecordedNameView>, ValidationProblem, ProblemHttpResult>> RecordedNameFromText(UserScope scope, SpokenText request, GreetingLibrary greetings, CancellationToken cancellationToken)
    {
        if (request.Voice is { } voice && !EspeakTextToSpeech.IsValidVoice(voice))
        {
            return ApiProblems.Field("voice", $"'{voice}' is not a voice name (letters, digits, '-' and '+', such as en-us or en-gb).");
        }

        try
        {
            return TypedResults.Ok(RecordedNameView.Of(await greetings.SetRecordedNameFromTextAsync(scope.Extension, request.Text ?? string.Empty, request.Voice, cancellationToken)));
        }
        catch (VoicemailValidationException e)
        {
            return FieldProblem(e);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            return SpeechUnavailable(e);
        }
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteRecordedName(UserScope scope, GreetingLibrary greetings, CancellationToken cancellationToken) =>
        await greetings.DeleteRecordedNameAsync(scope.Extension, cancellationToken) ? TypedResults.NoContent() : ApiProblems.NotFound($"User {scope.Extension} has no recorded name.");

    // ---- helpers ----
    private static readonly Dictionary<string, EmailNotification> NotificationNames = new(StringComparer.Ordinal)
    {
        ["off"] = EmailNotification.Off,
        ["hyperlink"] = EmailNotification.Hyperlink,
        ["brief-hyperlink"] = EmailNotification.BriefHyperlink,
        ["attachment"] = EmailNotification.Attachment,
        ["brief-attachment"] = EmailNotification.BriefAttachment,
    };

    private static readonly Dictionary<string, AfterNotification> AfterNames = new(StringComparer.Ordinal)
    {
        ["leave-as-new"] = AfterNotification.LeaveAsNew,
        ["move-to-saved"] = AfterNotification.MoveToSaved,
        ["move-to-trash"] = AfterNotification.MoveToTrash,
    };

    private static MailboxId Mailbox(UserScope scope) => MailboxId.Parse(scope.Extension);

    private static async Task<VoicemailMessage?> Find(UserScope scope, string id, IVoicemailStore store, CancellationToken cancellationToken) =>
        VoicemailMessageId.TryParse(id, out var messageId) ? await store.GetAsync(Mailbox(scope), messageId, cancellationToken) : null;

    private static async Task<Results<Ok<VoicemailView>, ProblemHttpResult>> Move(
        UserScope scope,
        string id,
        IVoicemailStore store,
        VoicemailFolder? from,
        Func<MailboxId, VoicemailMessageId, CancellationToken, ValueTask<VoicemailMessage?>> move,
        CancellationToken cancellationToken)
    {
        if (await Find(scope, id, store, cancellationToken) is not { } message)
        {
            return NoMessage(id);
        }

        if (from is { } required && message.Folder != required)
        {
            return ApiProblems.Conflict("folder", $"Voicemail {id} is in {FolderName(message.Folder)}, not in {FolderName(required)}.");
        }

        return await move(Mailbox(scope), message.Id, cancellationToken) is { } moved ? TypedResults.Ok(VoicemailView.Of(moved)) : NoMessage(id);
    }

    private static ProblemHttpResult NoMessage(string id) => ApiProblems.NotFound($"There is no voicemail {id} in this mailbox.");

    private static bool TryFolder(string value, out VoicemailFolder folder)
    {
        switch (value)
        {
            case "new": folder = VoicemailFolder.New; return true;
            case "saved": folder = VoicemailFolder.Saved; return true;
            case "trash": folder = VoicemailFolder.Trash; return true;
            default: folder = default; return false;
        }
    }

    internal static string FolderName(VoicemailFolder folder) => folder switch
    {
        VoicemailFolder.New => "new",
        VoicemailFolder.Saved => "saved",
        _ => "trash",
    };

    private static async Task<ProblemHttpResult?> NameInUse(UserScope scope, string name, GreetingLibrary greetings, CancellationToken cancellationToken) =>
        (await greetings.ListAsync(scope.Extension, cancellationToken)).Any(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase))
            ? ApiProblems.Conflict("name", $"A greeting named '{name}' already exists; choose another name.")
            : null;

    private static Created<GreetingView> GreetingCreated(UserScope scope, Greeting greeting, bool active) =>
        TypedResults.Created($"/api/users/{scope.Extension}/messages/greetings/{greeting.Id}/audio", GreetingView.Of(greeting, active));

    /// <summary>503 when the text-to-speech engine is missing, failed or took too long.</summary>
    internal static ProblemHttpResult SpeechUnavailable(Exception e) =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Text to speech is not available.", detail: e.Message);

    private static ValidationProblem FieldProblem(VoicemailValidationException e) =>
        ApiProblems.Field(e.Field == "Content" ? "file" : ApiNames.Field(e.Field), e.Reason);


    private static string MediaType(AudioFormat format) => format == AudioFormat.Mp3 ? Mp3MediaType : WavMediaType;

    private static string FileName(string name, AudioFormat format)
    {
        var safe = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]).Trim('-');
        return (safe.Length == 0 ? "greeting" : safe) + (format == AudioFormat.Mp3 ? ".mp3" : ".wav");
    }

    private static double? Seconds(Duration? duration) => duration is { } d ? Math.Round(d.TotalSeconds, 1) : null;

    private static string SourceName(GreetingSource source) => source switch
    {
        GreetingSource.TextToSpeech => "text-to-speech",
        GreetingSource.Recording => "recording",
        _ => "upload",
    };

    internal sealed record VoicemailView(
        string Id, string Folder, string CallerNumber, string? CallerName, Instant ReceivedAt, double DurationSeconds, long AudioSize, string? ForwardedFrom, string AudioUrl)
    {
        public static VoicemailView Of(VoicemailMessage m) => new(
            m.Id.ToString(),
            FolderName(m.Folder),
            m.CallerNumber,
            m.CallerName,
            m.ReceivedAt,
            Math.Round(m.Duration.TotalSeconds, 1),
            m.AudioSize,
            m.ForwardedFrom?.Value,
            string.Create(CultureInfo.InvariantCulture, $"/api/users/{m.Mailbox.Value}/messages/voicemail/{m.Id}/audio"));
    }

    internal sealed record CountsView(int New, int Saved, int Trash, int Total);

    internal sealed record ForwardRequest(string? Extension);

    internal sealed record SettingsView(
        bool Enabled, bool SortLatestFirst, bool AnnounceReceivedTime, bool AnnounceCallerId, string Notification, string AfterNotification, ImmutableArray<string> EmailAddresses)
    {
        public static SettingsView Of(VoicemailSettings s) => new(
            s.Enabled,
            s.SortLatestFirst,
            s.AnnounceReceivedTime,
            s.AnnounceCallerId,
            NotificationNames.First(p => p.Value == s.Notification).Key,
            AfterNames.First(p => p.Value == s.AfterNotification).Key,
            s.EmailAddresses.IsDefault ? [] : s.EmailAddresses);
    }

    internal sealed record SettingsUpdate(
        bool? Enabled,
        bool? SortLatestFirst,
        bool AnnounceReceivedTime = false,
        bool AnnounceCallerId = false,
        string? Notification = null,
        string? AfterNotification = null,
        string?[]? EmailAddresses = null);

    internal sealed record GreetingView(string Id, string Name, string Source, string Format, long Size, double? DurationSeconds, Instant CreatedAt, string? Text, string? Voice, bool Active)
    {
        public static GreetingView Of(Greeting g, bool active) => new(
            g.Id.ToString("D"), g.Name, SourceName(g.Source), g.Format == AudioFormat.Mp3 ? "mp3" : "wav", g.Size, Seconds(g.Duration), g.CreatedAt, g.Text, g.Voice, active);
    }

    internal sealed record GreetingsView(Guid? ActiveId, ImmutableArray<GreetingView> Greetings);

    internal sealed record GreetingText(string? Name, string? Text, string? Voice = null, bool Activate = false);

    internal sealed record ActiveGreeting(Guid? Id);

    internal sealed record SpokenText(string? Text, string? Voice = null);

    internal sealed record RecordedNameView(string Source, string Format, long Size, double? DurationSeconds, Instant CreatedAt, string? Text, string? Voice)
    {
        public static RecordedNameView Of(RecordedName n) => new(
            SourceName(n.Source), n.Format == AudioFormat.Mp3 ? "mp3" : "wav", n.Size, Seconds(n.Duration), n.CreatedAt, n.Text, n.Voice);
    }
}
