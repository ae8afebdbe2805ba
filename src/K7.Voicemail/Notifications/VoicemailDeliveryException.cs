namespace K7.Voicemail.Notifications;

/// <summary>An e-mail notification could not be delivered (the pickup directory could not be written, the SMTP server refused it or could not be reached).</summary>
/// <remarks>The message says where delivery failed; <see cref="Exception.InnerException"/> holds the underlying error.</remarks>
public sealed class VoicemailDeliveryException : IOException
{
    /// <summary>Initializes a new instance of the <see cref="VoicemailDeliveryException"/> class.</summary>
    public VoicemailDeliveryException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="VoicemailDeliveryException"/> class.</summary>
    /// <param name="message">What failed, and where.</param>
    public VoicemailDeliveryException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="VoicemailDeliveryException"/> class.</summary>
    /// <param name="message">What failed, and where.</param>
    /// <param name="innerException">The error that caused this one.</param>
    public VoicemailDeliveryException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="VoicemailDeliveryException"/> class for a known message.</summary>
    /// <param name="message">What failed, and where.</param>
    /// <param name="emailMessageId">The Message-Id of the e-mail that was not delivered.</param>
    /// <param name="innerException">The error that caused this one, if any.</param>
    public VoicemailDeliveryException(string message, string? emailMessageId, Exception? innerException)
        : base(message, innerException)
    {
        EmailMessageId = emailMessageId;
    }

    /// <summary>Gets the Message-Id of the e-mail that was not delivered, when known.</summary>
    public string? EmailMessageId { get; }
}
