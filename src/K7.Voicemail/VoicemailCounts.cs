namespace K7.Voicemail;

/// <summary>How many messages each folder of a mailbox holds.</summary>
/// <param name="New">Messages in <see cref="VoicemailFolder.New"/>.</param>
/// <param name="Saved">Messages in <see cref="VoicemailFolder.Saved"/>.</param>
/// <param name="Trash">Messages in <see cref="VoicemailFolder.Trash"/>.</param>
public readonly record struct VoicemailCounts(int New, int Saved, int Trash)
{
    /// <summary>Gets the number of messages in all folders.</summary>
    public int Total => New + Saved + Trash;
}
