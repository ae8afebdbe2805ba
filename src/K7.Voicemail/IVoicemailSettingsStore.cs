using K7.Voicemail.Settings;

namespace K7.Voicemail;

/// <summary>Where each mailbox's voicemail settings are kept (the host's user database, a file, memory).</summary>
public interface IVoicemailSettingsStore
{
    /// <summary>Gets a mailbox's settings, or the defaults when none were saved.</summary>
    /// <param name="mailbox">The mailbox.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The settings.</returns>
    ValueTask<VoicemailSettings> GetAsync(MailboxId mailbox, CancellationToken cancellationToken = default);

    /// <summary>Saves a mailbox's settings after checking them with <see cref="VoicemailSettingsValidator"/>.</summary>
    /// <param name="mailbox">The mailbox.</param>
    /// <param name="settings">The settings.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>A task that completes when the settings are saved.</returns>
    /// <exception cref="VoicemailValidationException">The settings break a rule; the exception names the field.</exception>
    ValueTask SetAsync(MailboxId mailbox, VoicemailSettings settings, CancellationToken cancellationToken = default);
}
