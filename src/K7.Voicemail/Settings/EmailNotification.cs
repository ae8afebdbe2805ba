namespace K7.Voicemail.Settings;

/// <summary>Whether, and how, a new voicemail is announced by e-mail ("Email Type" in the portal).</summary>
public enum EmailNotification
{
    /// <summary>No e-mail is sent.</summary>
    Off = 0,

    /// <summary>An e-mail with a link to the message.</summary>
    Hyperlink = 1,

    /// <summary>A short e-mail with a link to the message.</summary>
    BriefHyperlink = 2,

    /// <summary>An e-mail with the recording attached.</summary>
    Attachment = 3,

    /// <summary>A short e-mail with the recording attached.</summary>
    BriefAttachment = 4,
}
