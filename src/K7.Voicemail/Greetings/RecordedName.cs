using K7.Voicemail.Audio;
using NodaTime;

namespace K7.Voicemail.Greetings;

/// <summary>The recorded name of a user (chapter 4.3.2 of the portal guide); a user has at most one.</summary>
public sealed record RecordedName
{
    /// <summary>Gets the generated identifier of this version of the recording (setting a new name gives a new one).</summary>
    public required Guid Id { get; init; }

    /// <summary>Gets the extension of the mailbox that owns the name.</summary>
    public required string Extension { get; init; }

    /// <summary>Gets how the recording was made.</summary>
    public required GreetingSource Source { get; init; }

    /// <summary>Gets the container of the audio, detected from its content.</summary>
    public required AudioFormat Format { get; init; }

    /// <summary>Gets the size of the audio in bytes.</summary>
    public required long Size { get; init; }

    /// <summary>Gets the playing time, known for WAV audio only.</summary>
    public Duration? Duration { get; init; }

    /// <summary>Gets when the name was set.</summary>
    public required Instant CreatedAt { get; init; }

    /// <summary>Gets the text it was synthesized from, for <see cref="GreetingSource.TextToSpeech"/>.</summary>
    public string? Text { get; init; }

    /// <summary>Gets the synthesis voice, for <see cref="GreetingSource.TextToSpeech"/>.</summary>
    public string? Voice { get; init; }
}
