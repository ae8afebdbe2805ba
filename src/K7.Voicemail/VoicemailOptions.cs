using NodaTime;

namespace K7.Voicemail;

/// <summary>Settings of the voicemail service: where messages are kept, quotas, and when the trash is emptied.</summary>
public sealed class VoicemailOptions
{
    /// <summary>Gets or sets the folder of the file-system store (one sub-folder per mailbox).</summary>
    /// <value><c>voicemail</c> under the current directory.</value>
    public string StorePath { get; set; } = "voicemail";

    /// <summary>Gets or sets the most messages a mailbox holds (new, saved and trash together); a deposit beyond it is refused.</summary>
    /// <value>200.</value>
    public int MaxMessages { get; set; } = 200;

    /// <summary>Gets or sets the longest message accepted.</summary>
    /// <value>5 minutes.</value>
    public Duration MaxMessageLength { get; set; } = Duration.FromMinutes(5);

    /// <summary>Gets or sets the largest audio file accepted for a deposit, in bytes.</summary>
    /// <value>16 MiB (more than 5 minutes of 16-bit 16 kHz PCM).</value>
    public long MaxAudioBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Gets or sets the local time at which every mailbox's trash is emptied.</summary>
    /// <value>03:00.</value>
    public LocalTime TrashPurgeTime { get; set; } = new(3, 0);

    /// <summary>Gets or sets the time zone (TZDB id) of <see cref="TrashPurgeTime"/> and of the times shown in e-mails.</summary>
    /// <value><c>UTC</c>.</value>
    public string TimeZone { get; set; } = "UTC";
}
