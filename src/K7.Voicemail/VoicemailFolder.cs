namespace K7.Voicemail;

/// <summary>The folder of a mailbox that holds a voicemail message.</summary>
public enum VoicemailFolder
{
    /// <summary>Not listened to or not yet filed: where every deposited or forwarded message arrives.</summary>
    New = 0,

    /// <summary>Kept by the user.</summary>
    Saved = 1,

    /// <summary>Deleted by the user; restorable until the trash is purged.</summary>
    Trash = 2,
}
