namespace K7.Voicemail.Settings;

/// <summary>What happens to a voicemail once its e-mail notification has been sent ("After Email Notification").</summary>
public enum AfterNotification
{
    /// <summary>The message stays in the new folder.</summary>
    LeaveAsNew = 0,

    /// <summary>The message moves to the saved folder.</summary>
    MoveToSaved = 1,

    /// <summary>The message moves to the trash folder, from which it is purged later.</summary>
    MoveToTrash = 2,
}
