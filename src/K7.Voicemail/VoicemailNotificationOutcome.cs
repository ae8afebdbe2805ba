namespace K7.Voicemail;

/// <summary>How the e-mail notification of a deposit went.</summary>
public enum VoicemailNotificationOutcome
{
    /// <summary>The user has e-mail notification off.</summary>
    NotWanted,

    /// <summary>The e-mail was handed to the sender; the after-notification move was applied.</summary>
    Sent,

    /// <summary>Building or sending the e-mail failed (logged); the message stays new and nothing was moved.</summary>
    Failed,
}
