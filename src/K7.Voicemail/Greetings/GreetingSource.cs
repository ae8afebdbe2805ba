namespace K7.Voicemail.Greetings;

/// <summary>How a greeting or recorded name was made.</summary>
public enum GreetingSource
{
    /// <summary>An uploaded MP3 or WAV file.</summary>
    Upload = 0,

    /// <summary>Synthesized from text by an <see cref="ITextToSpeech"/> engine.</summary>
    TextToSpeech = 1,

    /// <summary>Recorded on a call placed by an <see cref="IGreetingRecorder"/>.</summary>
    Recording = 2,
}
