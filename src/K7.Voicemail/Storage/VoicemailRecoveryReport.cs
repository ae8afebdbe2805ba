namespace K7.Voicemail.Storage;

/// <summary>What <see cref="FileSystemVoicemailStore.RecoverAsync"/> found and repaired.</summary>
public sealed class VoicemailRecoveryReport
{
    internal VoicemailRecoveryReport(int mailboxes, int messages, IReadOnlyList<string> deletedTemporaryFiles, IReadOnlyList<string> deletedOrphanAudioFiles, IReadOnlyList<VoicemailFormatException> quarantinedFiles)
    {
        Mailboxes = mailboxes;
        Messages = messages;
        DeletedTemporaryFiles = deletedTemporaryFiles;
        DeletedOrphanAudioFiles = deletedOrphanAudioFiles;
        QuarantinedFiles = quarantinedFiles;
    }

    /// <summary>Gets the number of mailboxes checked.</summary>
    public int Mailboxes { get; }

    /// <summary>Gets the number of complete messages found.</summary>
    public int Messages { get; }

    /// <summary>Gets the paths of the unfinished writes (temporary files) that were deleted.</summary>
    public IReadOnlyList<string> DeletedTemporaryFiles { get; }

    /// <summary>Gets the paths of the audio files without a message (a deposit or forward that stopped before its metadata was written, or a deletion that stopped after) that were deleted.</summary>
    public IReadOnlyList<string> DeletedOrphanAudioFiles { get; }

    /// <summary>
    /// Gets the problems with metadata files that could not be read, or whose audio is missing or of the wrong size.
    /// Each was renamed to <c>&lt;name&gt;.corrupt</c> (kept, with its audio, for inspection) and its message is no longer listed.
    /// <see cref="VoicemailFormatException.Field"/> is the file's path.
    /// </summary>
    public IReadOnlyList<VoicemailFormatException> QuarantinedFiles { get; }

    /// <summary>Gets a value indicating whether anything had to be repaired.</summary>
    public bool IsClean => DeletedTemporaryFiles.Count == 0 && DeletedOrphanAudioFiles.Count == 0 && QuarantinedFiles.Count == 0;

    /// <summary>Describes the report in one line.</summary>
    /// <returns>The counts.</returns>
    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{Mailboxes} mailboxes, {Messages} messages; deleted {DeletedTemporaryFiles.Count} temporary and {DeletedOrphanAudioFiles.Count} orphan audio files; quarantined {QuarantinedFiles.Count} files");
}
