using NodaTime;

namespace K7.Voicemail;

/// <summary>One stored voicemail message: who called, when, how long, and the folder it is in.</summary>
/// <remarks>
/// Stores create these; the audio itself is read with <c>IVoicemailStore.OpenAudioAsync</c>, never held here.
/// </remarks>
public sealed record VoicemailMessage
{
    /// <summary>Gets the message identifier, unique in the store.</summary>
    public required VoicemailMessageId Id { get; init; }

    /// <summary>Gets the mailbox that holds the message.</summary>
    public required MailboxId Mailbox { get; init; }

    /// <summary>Gets the folder that holds the message.</summary>
    public required VoicemailFolder Folder { get; init; }

    /// <summary>Gets the caller's number as signalled (may be empty when the caller withheld it).</summary>
    public required string CallerNumber { get; init; }

    /// <summary>Gets the caller's display name, or <see langword="null"/> when none was signalled.</summary>
    public string? CallerName { get; init; }

    /// <summary>Gets when the message arrived in this mailbox (deposited, or forwarded to it).</summary>
    public required Instant ReceivedAt { get; init; }

    /// <summary>Gets the length of the recording.</summary>
    public required Duration Duration { get; init; }

    /// <summary>Gets the audio format as the depositor named it (<c>pcm</c>, <c>mulaw</c>, <c>alaw</c>, <c>wav</c>…).</summary>
    public required string AudioFormat { get; init; }

    /// <summary>Gets the size of the stored audio, in bytes.</summary>
    public required long AudioSize { get; init; }

    /// <summary>Gets the mailbox the message was forwarded from, or <see langword="null"/> for a deposited message.</summary>
    public MailboxId? ForwardedFrom { get; init; }

    /// <summary>Gets when the message entered its current folder (the trash purge compares this).</summary>
    public required Instant FolderChangedAt { get; init; }
}
