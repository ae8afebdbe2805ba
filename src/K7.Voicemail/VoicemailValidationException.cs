namespace K7.Voicemail;

/// <summary>Voicemail settings, a PIN, or a greeting or recorded name (or a change to one) break a rule; nothing was applied or stored.</summary>
/// <remarks><see cref="Field"/> names the offending field (<c>AfterNotification</c>, <c>EmailAddresses[0]</c>, <c>Name</c>, <c>Content</c>,
/// <c>Pin</c>…) and <see cref="Reason"/> says why in words a portal can show next to that field. Malformed greeting audio carries the
/// <see cref="VoicemailFormatException"/> as the inner exception.</remarks>
public sealed class VoicemailValidationException : ArgumentException
{
    /// <summary>Initializes a new instance of the <see cref="VoicemailValidationException"/> class.</summary>
    public VoicemailValidationException()
    {
        Field = string.Empty;
        Reason = string.Empty;
    }

    /// <summary>Initializes a new instance of the <see cref="VoicemailValidationException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    public VoicemailValidationException(string message)
        : base(message)
    {
        Field = string.Empty;
        Reason = message;
    }

    /// <summary>Initializes a new instance of the <see cref="VoicemailValidationException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The error that caused this one.</param>
    public VoicemailValidationException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
        Reason = message;
    }

    /// <summary>Initializes a new instance of the <see cref="VoicemailValidationException"/> class.</summary>
    /// <param name="field">The offending field.</param>
    /// <param name="reason">Why the value is not accepted.</param>
    /// <param name="innerException">The error that caused this one, if any.</param>
    public VoicemailValidationException(string field, string reason, Exception? innerException)
        : base($"{field}: {reason}", field, innerException)
    {
        Field = field;
        Reason = reason;
    }

    /// <summary>Gets the offending field, such as <c>AfterNotification</c> or <c>EmailAddresses[1]</c>.</summary>
    public string Field { get; }

    /// <summary>Gets why the value is not accepted.</summary>
    public string Reason { get; }

    /// <inheritdoc/>
    public override string Message => string.IsNullOrEmpty(Field) ? base.Message : $"{Field}: {Reason}";
}
