using System.Collections.Immutable;
using K7.SampleHost.Api;
using K7.SampleHost.Music;
using K7.Voicemail.Audio;
using K7.Voicemail.Greetings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace K7.SampleHost.Endpoints;

/// <summary>
/// The Music on Hold page: the music list (upload MP3 or WAV, rename, reorder, delete, download), "Randomize music",
/// the messages that interrupt the music (upload, text to speech, duplicate, reorder, delete) and the seconds between them.
/// </summary>
internal static class MusicOnHoldEndpoints
{
    private const int MaxTextLength = 2000;

    public static void Map(RouteGroupBuilder user)
    {
        var page = user.MapGroup("/music-on-hold").WithTags("Music on Hold");
        page.MapGet("/", Get).WithSummary("The music list, the messages and the settings");
        page.MapPut("/settings", PutSettings).WithSummary("Change \"Randomize music\" and the seconds between messages");

        var music = page.MapGroup("/music");
        music.MapPost("/", (UserScope scope, IFormFile? file, [FromForm] string? name, MusicOnHoldStore store, CancellationToken ct) => Upload(scope, MusicKind.Music, file, name, store, ct))
            .DisableAntiforgery().WithSummary("Add music: an MP3 or WAV file (multipart: file, name)");
        music.MapPut("/order", (UserScope scope, Order request, MusicOnHoldStore store, CancellationToken ct) => Reorder(scope, MusicKind.Music, request, store, ct))
            .WithSummary("Put the music in this order (every id once)");
        music.MapPut("/{id:guid}", (UserScope scope, Guid id, Rename request, MusicOnHoldStore store, CancellationToken ct) => RenameItem(scope, MusicKind.Music, id, request, store, ct))
            .WithSummary("Rename a track");
        music.MapDelete("/{id:guid}", (UserScope scope, Guid id, MusicOnHoldStore store, CancellationToken ct) => Delete(scope, MusicKind.Music, id, store, ct))
            .WithSummary("Delete a track");
        music.MapGet("/{id:guid}/audio", (UserScope scope, Guid id, MusicOnHoldStore store) => Download(scope, MusicKind.Music, id, store))
            .WithSummary("Download a track");

        var messages = page.MapGroup("/messages");
        messages.MapPost("/", (UserScope scope, IFormFile? file, [FromForm] string? name, MusicOnHoldStore store, CancellationToken ct) => Upload(scope, MusicKind.Message, file, name, store, ct))
            .DisableAntiforgery().WithSummary("Add a message: an MP3 or WAV file (multipart: file, name)");
        messages.MapPost("/text", FromText).WithSummary("Add a message made by text to speech");
        messages.MapPost("/{id:guid}/duplicate", Duplicate).WithSummary("Duplicate a message (the copy follows it)");
        messages.MapPut("/order", (UserScope scope, Order request, MusicOnHoldStore store, CancellationToken ct) => Reorder(scope, MusicKind.Message, request, store, ct))
            .WithSummary("Put the messages in this order (every id once)");
        messages.MapPut("/{id:guid}", (UserScope scope, Guid id, Rename request, MusicOnHoldStore store, CancellationToken ct) => RenameItem(scope, MusicKind.Message, id, request, store, ct))
            .WithSummary("Rename a message");
        messages.MapDelete("/{id:guid}", (UserScope scope, Guid id, MusicOnHoldStore store, CancellationToken ct) => Delete(scope, MusicKind.Message, id, store, ct))
            .WithSummary("Delete a message");
        messages.MapGet("/{id:guid}/audio", (UserScope scope, Guid id, MusicOnHoldStore store) => Download(scope, MusicKind.Message, id, store))
            .WithSummary("Download a message");
    }

    internal static PageView Get(UserScope scope, MusicOnHoldStore store) => PageView.Of(scope.Extension, store.Get(scope.Extension));

    internal static async Task<Results<Ok<PageView>, ValidationProblem>> PutSettings(UserScope scope, SettingsUpdate request, MusicOnHoldStore store, CancellationToken cancellationToken)
    {
        var seconds = request.SecondsBetweenMessages ?? MusicOnHoldStore.DefaultSecondsBetweenMessages;
        if (seconds is < MusicOnHoldStore.MinSecondsBetweenMessages or > MusicOnHoldStore.MaxSecondsBetweenMessages)
        {
            return ApiProblems.Field(
                "secondsBetweenMessages",
                $"Use {MusicOnHoldStore.MinSecondsBetweenMessages} to {MusicOnHoldStore.MaxSecondsBetweenMessages} seconds between messages, not {seconds}.");
        }

        var saved = await store.UpdateAsync(scope.Extension, m => m with { Randomize = request.Randomize, SecondsBetweenMessages = seconds }, cancellationToken);
        return TypedResults.Ok(PageView.Of(scope.Extension, saved!));
    }

    internal static async Task<Results<Created<ItemView>, ValidationProblem, ProblemHttpResult>> Upload(
        UserScope scope, MusicKind kind, IFormFile? file, string? name, MusicOnHoldStore store, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return ApiProblems.Field("file", "Choose an MP3 or WAV file to upload (multipart field 'file').");
        }

        if (file.Length > MusicOnHoldStore.MaxFileBytes)
        {
            return ApiProblems.Field("file", $"The file is {file.Length} bytes; at most {MusicOnHoldStore.MaxFileBytes} bytes ({MusicOnHoldStore.MaxFileBytes / (1024 * 1024)} MiB) are allowed.");
        }

        AudioFormat format;
        await using (var head = file.OpenReadStream())
        {
            format = await AudioFileCheck.DetectAsync(head, cancellationToken);
        }

        if (format == AudioFormat.Unknown)
        {
            return ApiProblems.Field("file", $"'{file.FileName}' is neither an MP3 file (an ID3v2 tag or MPEG audio frames) nor a WAV file (RIFF WAVE with a fmt chunk).");
        }

        var itemName = string.IsNullOrWhiteSpace(name) ? Path.GetFileNameWithoutExtension(file.FileName) : name;
        if (CheckName(itemName) is { } bad)
        {
            return bad;
        }

        if (Full(store, scope.Extension, kind) is { } full)
        {
            return full;
        }

        await using var content = file.OpenReadStream();
        var item = await store.AddAsync(scope.Extension, kind, itemName.Trim(), format, content, null, cancellationToken);
        return Created(scope.Extension, kind, item);
    }

    internal static async Task<Results<Created<ItemView>, ValidationProblem, ProblemHttpResult>> FromText(
        UserScope scope, SpokenMessage request, MusicOnHoldStore store, ITextToSpeech speech, CancellationToken cancellationToken)
    {
        if (CheckName(request.Name) is { } bad)
        {
            return bad;
        }

        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > MaxTextLength)
        {
            return ApiProblems.Field("text", $"Enter the text to speak, 1 to {MaxTextLength} characters.");
        }

        if (request.Voice is { } voice && !EspeakTextToSpeech.IsValidVoice(voice))
        {
            return ApiProblems.Field("voice", $"'{voice}' is not a voice name (letters, digits, '-' and '+', such as en-us or en-gb).");
        }

        if (Full(store, scope.Extension, MusicKind.Message) is { } full)
        {
            return full;
        }

        Stream audio;
        try
        {
            audio = await speech.SynthesizeAsync(request.Text, request.Voice, cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            return MessagesEndpoints.SpeechUnavailable(e);
        }

        await using (audio)
        {
            var item = await store.AddAsync(scope.Extension, MusicKind.Message, request.Name!.Trim(), AudioFormat.Wav, audio, request.Text, cancellationToken);
            return Created(scope.Extension, MusicKind.Message, item);
        }
    }

    internal static async Task<Results<Created<ItemView>, ProblemHttpResult>> Duplicate(UserScope scope, Guid id, MusicOnHoldStore store, CancellationToken cancellationToken)
    {
        var source = store.Get(scope.Extension).Messages.FirstOrDefault(m => m.Id == id);
        if (source is null)
        {
            return ApiProblems.NotFound($"There is no message {id}.");
        }

        if (Full(store, scope.Extension, MusicKind.Message) is { } full)
        {
            return full;
        }

        var copyName = source.Name.Length + 7 <= MusicOnHoldStore.MaxNameLength ? source.Name + " (copy)" : source.Name;
        var copy = await store.DuplicateAsync(scope.Extension, id, copyName, cancellationToken);
        return copy is null ? ApiProblems.NotFound($"There is no message {id}.") : Created(scope.Extension, MusicKind.Message, copy);
    }

    internal static async Task<Results<Ok<PageView>, ValidationProblem>> Reorder(UserScope scope, MusicKind kind, Order request, MusicOnHoldStore store, CancellationToken cancellationToken)
    {
        string? problem = null;
        var ids = request.Ids ?? [];
        var saved = await store.UpdateAsync(
            scope.Extension,
            current =>
            {
                var list = current.List(kind);
                var byId = list.ToDictionary(i => i.Id);
                if (ids.Length != list.Length || ids.Distinct().Count() != ids.Length || ids.Any(i => !byId.ContainsKey(i)))
                {
                    problem = $"Give every id of the {(kind == MusicKind.Music ? "music list" : "messages")} exactly once ({list.Length} ids).";
                    return null;
                }

                return current.With(kind, [.. ids.Select(i => byId[i])]);
            },
            cancellationToken);
        return saved is null ? ApiProblems.Field("ids", problem!) : TypedResults.Ok(PageView.Of(scope.Extension, saved));
    }

    internal static async Task<Results<Ok<ItemView>, ValidationProblem, ProblemHttpResult>> RenameItem(
        UserScope scope, MusicKind kind, Guid id, Rename request, MusicOnHoldStore store, CancellationToken cancellationToken)
    {
        if (CheckName(request.Name) is { } bad)
        {
            return bad;
        }

        MusicItem? renamed = null;
        await store.UpdateAsync(
            scope.Extension,
            current =>
            {
                var list = current.List(kind);
                var index = list.FindIndex(i => i.Id == id);
                if (index < 0)
                {
                    return null;
                }

                renamed = list[index] with { Name = request.Name!.Trim() };
                return current.With(kind, list.SetItem(index, renamed));
            },
            cancellationToken);
        return renamed is null ? NotFound(kind, id) : TypedResults.Ok(ItemView.Of(scope.Extension, kind, renamed));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Delete(UserScope scope, MusicKind kind, Guid id, MusicOnHoldStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(scope.Extension, kind, id, cancellationToken) ? TypedResults.NoContent() : NotFound(kind, id);

    internal static Results<FileStreamHttpResult, ProblemHttpResult> Download(UserScope scope, MusicKind kind, Guid id, MusicOnHoldStore store)
    {
        var item = store.Get(scope.Extension).List(kind).FirstOrDefault(i => i.Id == id);
        if (item is null)
        {
            return NotFound(kind, id);
        }

        Stream audio;
        try
        {
            audio = new FileStream(store.AudioPath(scope.Extension, item), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 4096, useAsync: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return NotFound(kind, id); // deleted since the index was read
        }

        var safe = new string([.. item.Name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]).Trim('-');
        return TypedResults.File(audio, item.Format == "mp3" ? "audio/mpeg" : "audio/wav", (safe.Length == 0 ? "audio" : safe) + "." + item.Format, enableRangeProcessing: true);
    }

    private static ValidationProblem? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > MusicOnHoldStore.MaxNameLength
            ? ApiProblems.Field("name", $"Enter a name of 1 to {MusicOnHoldStore.MaxNameLength} characters.")
            : null;

    private static ProblemHttpResult? Full(MusicOnHoldStore store, string extension, MusicKind kind) =>
        store.Get(extension).List(kind).Length >= MusicOnHoldStore.MaxItems
            ? ApiProblems.Conflict(kind == MusicKind.Music ? "music" : "messages", $"There are already {MusicOnHoldStore.MaxItems}; delete one first.")
            : null;

    private static ProblemHttpResult NotFound(MusicKind kind, Guid id) =>
        ApiProblems.NotFound($"There is no {(kind == MusicKind.Music ? "track" : "message")} {id}.");

    private static Created<ItemView> Created(string extension, MusicKind kind, MusicItem item)
    {
        var view = ItemView.Of(extension, kind, item);
        return TypedResults.Created(view.AudioUrl, view);
    }

    internal sealed record PageView(bool Randomize, int SecondsBetweenMessages, ImmutableArray<ItemView> Music, ImmutableArray<ItemView> Messages)
    {
        public static PageView Of(string extension, MusicOnHold m) => new(
            m.Randomize,
            m.SecondsBetweenMessages,
            [.. m.List(MusicKind.Music).Select(i => ItemView.Of(extension, MusicKind.Music, i))],
            [.. m.List(MusicKind.Message).Select(i => ItemView.Of(extension, MusicKind.Message, i))]);
    }

    internal sealed record ItemView(Guid Id, string Name, string Format, long Size, Instant AddedAt, string? Text, string AudioUrl)
    {
        public static ItemView Of(string extension, MusicKind kind, MusicItem i) => new(
            i.Id, i.Name, i.Format, i.Size, i.AddedAt, i.Text, $"/api/users/{extension}/music-on-hold/{(kind == MusicKind.Music ? "music" : "messages")}/{i.Id}/audio");
    }

    internal sealed record SettingsUpdate(bool Randomize, int? SecondsBetweenMessages);

    internal sealed record Order(Guid[]? Ids);

    internal sealed record Rename(string? Name);

    internal sealed record SpokenMessage(string? Name, string? Text, string? Voice = null);
}
