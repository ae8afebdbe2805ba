using NodaTime;

namespace K7.Voicemail.Notifications;

/// <summary>A new voicemail to announce by e-mail: who called, when, for how long, and to whom the e-mail goes.</summary>
/// <remarks>
/// Records compare <see cref="Recipients"/> by reference, not by value. The values are checked when the notification
/// is built into a message (<see cref="VoicemailEmailBuilder.BuildAsync"/>).
/// </remarks>
public sealed record VoicemailNotification
{
    /// <summary>Gets the extension (mailbox) that received the message, such as "1001".</summary>
    public required string Extension { get; init; }

    /// <summary>Gets the display name of the mailbox owner, used in the greeting and the To header, if known.</summary>
    public string? RecipientName { get; init; }

    /// <summary>Gets the addresses the notification goes to (one or more, such as "ellen@example.com").</summary>
    public required IReadOnlyList<string> Recipients { get; init; }

    /// <summary>Gets the identifier of the voicemail message in the mailbox store.</summary>
    public required string MessageId { get; init; }

    /// <summary>Gets the caller's number; empty when the caller withheld it.</summary>
    public required string CallerNumber { get; init; }

    /// <summary>Gets the caller's name, if known.</summary>
    public string? CallerName { get; init; }

    /// <summary>Gets the instant the message was received.</summary>
    public required Instant ReceivedAt { get; init; }

    /// <summary>Gets the mailbox owner's time zone, in which <see cref="ReceivedAt"/> is shown.</summary>
    public required DateTimeZone TimeZone { get; init; }

    /// <summary>Gets the length of the recording.</summary>
    public required Duration Duration { get; init; }

    /// <summary>Gets how the message is presented.</summary>
    public required VoicemailEmailKind Kind { get; init; }

    /// <summary>Gets the recording; required for <see cref="VoicemailEmailKind.Attachment"/> and <see cref="VoicemailEmailKind.BriefAttachment"/>, ignored otherwise.</summary>
    public VoicemailAudio? Audio { get; init; }
}
