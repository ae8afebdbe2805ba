namespace K7.Voicemail.Audio;

/// <summary>Why a WAV header could not be read, created without throwing; <see cref="ToException"/> makes the exception.</summary>
internal readonly record struct WavError(string Message, long Position, string Field)
{
    public VoicemailFormatException ToException() => new(Message ?? "The file is not a WAV file.", Position, null, Field);
}
