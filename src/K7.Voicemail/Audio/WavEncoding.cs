namespace K7.Voicemail.Audio;

/// <summary>The sample encodings a voicemail WAV file may hold; the values are the WAVE format tags.</summary>
public enum WavEncoding
{
    /// <summary>Linear PCM, 8-bit unsigned or 16-bit signed little-endian samples (format tag 1).</summary>
    Pcm = 1,

    /// <summary>G.711 A-law, 8 bits per sample (format tag 6).</summary>
    ALaw = 6,

    /// <summary>G.711 µ-law, 8 bits per sample (format tag 7).</summary>
    MuLaw = 7,
}
