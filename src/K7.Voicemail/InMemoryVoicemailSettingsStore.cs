using System.Collections.Concurrent;
using K7.Voicemail.Settings;

namespace K7.Voicemail;

/// <summary>Voicemail settings in memory: the default <see cref="IVoicemailSettingsStore"/>; thread-safe.</summary>
public sealed class InMemoryVoicemailSettingsStore : IVoicemailSettingsStore
{
    private readonly ConcurrentDictionary<MailboxId, VoicemailSettings> _settings = new();

    /// <summary>Gets or sets the settings of a mailbox that has none saved.</summary>
    /// <value>Voicemail on, latest first, no e-mail.</value>
    public VoicemailSettings Defaults { get; set; } = new();

    /// <inheritdoc/>
    public ValueTask<VoicemailSettings> GetAsync(MailboxId mailbox, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        return new(_settings.TryGetValue(mailbox, out var settings) ? settings : Defaults);
    }

    /// <inheritdoc/>
    public ValueTask SetAsync(MailboxId mailbox, VoicemailSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        ArgumentNullException.ThrowIfNull(settings);
        VoicemailSettingsValidator.ThrowIfInvalid(settings);
        _settings[mailbox] = settings;
        return ValueTask.CompletedTask;
    }
}
