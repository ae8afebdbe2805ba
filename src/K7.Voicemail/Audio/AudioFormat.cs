namespace K7.Voicemail.Audio;

/// <summary>The container of an audio file, as told by its content (never by its file name).</summary>
public enum AudioFormat
{
    /// <summary>Neither a WAV nor an MP3 file.</summary>
    Unknown = 0,

    /// <summary>A RIFF/WAVE file.</summary>
    Wav = 1,

    /// <summary>An MPEG audio file (MP3), with or without an ID3v2 tag.</summary>
    Mp3 = 2,
}
