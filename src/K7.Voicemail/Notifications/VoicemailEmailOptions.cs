using System.ComponentModel.DataAnnotations;

namespace K7.Voicemail.Notifications;

/// <summary>Options of <see cref="VoicemailEmailBuilder"/>: sender, subjects, portal link and attachment limit.</summary>
/// <remarks>
/// Templates hold placeholders in braces, replaced by the notification's values: <c>{Caller}</c> (the name and the
/// number, such as "Tim Garcia (+15551234567)", or the number alone, or "Unknown caller"), <c>{CallerName}</c> (the
/// name, or the number when there is no name), <c>{CallerNumber}</c>, <c>{Extension}</c>, <c>{MessageId}</c>,
/// <c>{RecipientName}</c>, <c>{Duration}</c> ("m:ss") and <c>{ReceivedAt}</c> (in the mailbox owner's time zone,
/// with its offset). Write "{{" and "}}" for literal braces. An unknown placeholder makes the options invalid.
/// The options are mutable for the options pattern and are treated as read-only once validated.
/// </remarks>
public sealed class VoicemailEmailOptions
{
    /// <summary>Gets or sets the sender of the notifications, an address with an optional display name, such as "Voicemail &lt;voicemail@example.com&gt;".</summary>
    /// <value>Default: empty (must be set).</value>
    [Required]
    public string From { get; set; } = string.Empty;

    /// <summary>Gets or sets the subject of the full notifications.</summary>
    /// <value>Default: "New voicemail from {Caller}".</value>
    [Required]
    public string SubjectTemplate { get; set; } = "New voicemail from {Caller}";

    /// <summary>Gets or sets the subject of the brief notifications, kept short for a phone screen.</summary>
    /// <value>Default: "Voicemail: {Caller}".</value>
    [Required]
    public string BriefSubjectTemplate { get; set; } = "Voicemail: {Caller}";

    /// <summary>Gets or sets the link to a message on the portal, such as "https://portal.example.com/messages/{Extension}/{MessageId}"; the values are URL-escaped. It must render to an absolute http or https URI.</summary>
    /// <value>Default: empty (must be set).</value>
    [Required]
    public string LinkTemplate { get; set; } = string.Empty;

    /// <summary>Gets or sets the largest recording attached, in bytes; a larger recording is replaced by the link, and the body says so.</summary>
    /// <value>Default: 10 485 760 (10 MiB).</value>
    [Range(1L, long.MaxValue)]
    public long MaxAttachmentBytes { get; set; } = 10L * 1024 * 1024;
}
