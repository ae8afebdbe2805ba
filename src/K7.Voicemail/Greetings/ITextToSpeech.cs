namespace K7.Voicemail.Greetings;

/// <summary>Turns text into speech, as a WAV file.</summary>
public interface ITextToSpeech
{
    /// <summary>Synthesizes speech.</summary>
    /// <param name="text">The text to speak.</param>
    /// <param name="voice">The voice, or <see langword="null"/> for the engine's default.</param>
    /// <param name="cancellationToken">Cancels the synthesis.</param>
    /// <returns>A readable stream holding a complete WAV file, owned by the caller.</returns>
    Task<Stream> SynthesizeAsync(string text, string? voice, CancellationToken cancellationToken = default);
}
