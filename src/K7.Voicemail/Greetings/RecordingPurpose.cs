namespace K7.Voicemail.Greetings;

/// <summary>What a call placed by <see cref="IGreetingRecorder"/> records, so that the host can play the right prompt.</summary>
public enum RecordingPurpose
{
    /// <summary>A voicemail greeting.</summary>
    Greeting = 0,

    /// <summary>The recorded name.</summary>
    RecordedName = 1,
}
