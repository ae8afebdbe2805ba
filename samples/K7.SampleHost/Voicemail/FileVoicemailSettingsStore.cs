using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using K7.SampleHost.Domain;
using K7.SampleHost.Storage;
using K7.Voicemail;
using K7.Voicemail.Settings;

namespace K7.SampleHost.Voicemail;

/// <summary>
/// The voicemail settings of each mailbox, one JSON file per mailbox in <see cref="DataFolder.VoicemailSettingsFolder"/>,
/// each written atomically, so they survive a restart. A mailbox with no e-mail addresses of its own is shown the
/// addresses of its user's profile (the notification stays off until the user turns it on).
/// </summary>
internal sealed class FileVoicemailSettingsStore : IVoicemailSettingsStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    private readonly string _folder;
    private readonly UserDirectory _users;
    private readonly ConcurrentDictionary<MailboxId, VoicemailSettings?> _cache = new();
    private readonly Lock _gate = new();

    public FileVoicemailSettingsStore(DataFolder data, UserDirectory users)
    {
        ArgumentNullException.ThrowIfNull(data);
        _users = users ?? throw new ArgumentNullException(nameof(users));
        _folder = data.VoicemailSettingsFolder;
        Directory.CreateDirectory(_folder);
    }

    /// <summary>The file of a mailbox (mailbox ids are lower-case ASCII letters, digits, '-' and '_', so they are safe file names).</summary>
    public string PathOf(MailboxId mailbox) => Path.Combine(_folder, mailbox.Value + ".json");

    public ValueTask<VoicemailSettings> GetAsync(MailboxId mailbox, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var saved = _cache.GetOrAdd(mailbox, Load);
        var settings = saved ?? new VoicemailSettings();
        if (settings.EmailAddresses.IsDefaultOrEmpty && _users.Find(mailbox.Value) is { Emails.IsDefaultOrEmpty: false } user)
        {
            settings = settings with { EmailAddresses = user.Emails };
        }

        return ValueTask.FromResult(settings);
    }

    public ValueTask SetAsync(MailboxId mailbox, VoicemailSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        ArgumentNullException.ThrowIfNull(settings);
        VoicemailSettingsValidator.ThrowIfInvalid(settings);
        var file = new SettingsFile(
            settings.Enabled,
            settings.SortLatestFirst,
            settings.AnnounceReceivedTime,
            settings.AnnounceCallerId,
            settings.Notification,
            settings.AfterNotification,
            settings.EmailAddresses.IsDefault ? [] : settings.EmailAddresses);
        lock (_gate)
        {
            AtomicFile.Write(PathOf(mailbox), JsonSerializer.SerializeToUtf8Bytes(file, Json));
            _cache[mailbox] = settings;
        }

        return ValueTask.CompletedTask;
    }

    private VoicemailSettings? Load(MailboxId mailbox)
    {
        var path = PathOf(mailbox);
        if (!File.Exists(path))
        {
            return null;
        }

        SettingsFile? file;
        try
        {
            file = JsonSerializer.Deserialize<SettingsFile>(File.ReadAllBytes(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: the voicemail settings are not valid JSON ({e.Message}).", e);
        }

        if (file is null)
        {
            throw new InvalidDataException($"{path}: the voicemail settings are empty.");
        }

        return new VoicemailSettings
        {
            Enabled = file.Enabled,
            SortLatestFirst = file.SortLatestFirst,
            AnnounceReceivedTime = file.AnnounceReceivedTime,
            AnnounceCallerId = file.AnnounceCallerId,
            Notification = file.Notification,
            AfterNotification = file.AfterNotification,
            EmailAddresses = file.EmailAddresses.IsDefault ? [] : file.EmailAddresses,
        };
    }

    private sealed record SettingsFile(
        bool Enabled,
        bool SortLatestFirst,
        bool AnnounceReceivedTime,
        bool AnnounceCallerId,
        EmailNotification Notification,
        AfterNotification AfterNotification,
        ImmutableArray<string> EmailAddresses);
}
