namespace K7.Voicemail.Notifications;

/// <summary>How a new voicemail is presented in its e-mail notification (the portal's "Email Type" setting).</summary>
public enum VoicemailEmailKind
{
    /// <summary>A full message with the call details and a link to the message on the portal ("Send with hyperlink").</summary>
    Hyperlink = 0,

    /// <summary>A couple of lines and the link, fit for a phone screen ("Send with brief hyperlink").</summary>
    BriefHyperlink = 1,

    /// <summary>A full message with the recording attached ("Send with attachment").</summary>
    Attachment = 2,

    /// <summary>A couple of lines with the recording attached ("Send with brief attachment").</summary>
    BriefAttachment = 3,
}
