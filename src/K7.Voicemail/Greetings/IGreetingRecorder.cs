namespace K7.Voicemail.Greetings;

/// <summary>Records a greeting or a name on a phone call; implemented by the host, which owns the telephony.</summary>
public interface IGreetingRecorder
{
    /// <summary>Calls the user, plays a prompt for <paramref name="purpose"/> and records what they say.</summary>
    /// <param name="extension">The mailbox the recording is for.</param>
    /// <param name="callMeAt">The device to ring ("Call me at": the extension or a device such as <c>1001wp</c>).</param>
    /// <param name="purpose">What is being recorded.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A readable stream holding a complete WAV file, owned by the caller.</returns>
    Task<Stream> RecordAsync(string extension, string callMeAt, RecordingPurpose purpose, CancellationToken cancellationToken = default);
}
