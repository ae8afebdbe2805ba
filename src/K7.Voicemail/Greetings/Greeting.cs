using K7.Voicemail.Audio;
using NodaTime;

namespace K7.Voicemail.Greetings;

/// <summary>A stored voicemail greeting of one user (chapter 4.3.1 of the portal guide). The audio is kept by an <see cref="IGreetingStore"/>.</summary>
/// <remarks>Create greetings through <see cref="GreetingLibrary"/>, which validates them.</remarks>
public sealed record Greeting
{
    /// <summary>Gets the generated identifier (it also names the stored files; nothing user-supplied does).</summary>
    public required Guid Id { get; init; }

    /// <summary>Gets the extension of the mailbox that owns the greeting.</summary>
    public required string Extension { get; init; }

    /// <summary>Gets the user-visible name, unique per extension ignoring case.</summary>
    public required string Name { get; init; }

    /// <summary>Gets how the greeting was made.</summary>
    public required GreetingSource Source { get; init; }

    /// <summary>Gets the container of the audio, detected from its content.</summary>
    public required AudioFormat Format { get; init; }

    /// <summary>Gets the size of the audio in bytes.</summary>
    public required long Size { get; init; }

    /// <summary>Gets the playing time, known for WAV audio only.</summary>
    public Duration? Duration { get; init; }

    /// <summary>Gets when the greeting was added.</summary>
    public required Instant CreatedAt { get; init; }

    /// <summary>Gets the text it was synthesized from, for <see cref="GreetingSource.TextToSpeech"/>.</summary>
    public string? Text { get; init; }

    /// <summary>Gets the synthesis voice, for <see cref="GreetingSource.TextToSpeech"/> (null when the engine's default was used).</summary>
    public string? Voice { get; init; }
}
