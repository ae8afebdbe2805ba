namespace K7.Voicemail;

/// <summary>A deposit was refused: the mailbox is full, the message is too long or too large, or voicemail is off.</summary>
public sealed class VoicemailQuotaException : InvalidOperationException
{
    /// <summary>Initializes a new instance of the <see cref="VoicemailQuotaException"/> class.</summary>
    public VoicemailQuotaException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="VoicemailQuotaException"/> class.</summary>
    /// <param name="message">What was refused, and why.</param>
    public VoicemailQuotaException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="VoicemailQuotaException"/> class.</summary>
    /// <param name="message">What was refused, and why.</param>
    /// <param name="innerException">The error that caused this one.</param>
    public VoicemailQuotaException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="VoicemailQuotaException"/> class for a mailbox.</summary>
    /// <param name="mailbox">The mailbox.</param>
    /// <param name="message">What was refused, and why.</param>
    public VoicemailQuotaException(MailboxId mailbox, string message)
        : base($"Mailbox {mailbox}: {message}")
    {
        Mailbox = mailbox;
    }

    /// <summary>Gets the mailbox, when known.</summary>
    public MailboxId? Mailbox { get; }
}
