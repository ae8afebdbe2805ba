namespace K7.Voicemail.Greetings;

/// <summary>A greeting or recorded name, or a change to one, is refused; nothing was stored.</summary>
/// <remarks><see cref="Field"/> names what is wrong (<c>Name</c>, <c>Content</c>, <c>Text</c>, <c>Voice</c>,
/// <c>CallMeAt</c>, <c>Greetings</c>) and <see cref="Reason"/> says why. Malformed WAV content carries the
/// <see cref="VoicemailFormatException"/> as the inner exception.</remarks>
public sealed class GreetingValidationException : ArgumentException
{
    /// <summary>Initializes a new instance of the <see cref="GreetingValidationException"/> class.</summary>
    public GreetingValidationException()
    {
        Field = string.Empty;
        Reason = string.Empty;
    }

    /// <summary>Initializes a new instance of the <see cref="GreetingValidationException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    public GreetingValidationException(string message)
        : base(message)
    {
        Field = string.Empty;
        Reason = message;
    }

    /// <summary>Initializes a new instance of the <see cref="GreetingValidationException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The error that caused this one.</param>
    public GreetingValidationException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
        Reason = message;
    }

    /// <summary>Initializes a new instance of the <see cref="GreetingValidationException"/> class.</summary>
    /// <param name="field">What is wrong.</param>
    /// <param name="reason">Why it is refused.</param>
    /// <param name="innerException">The error that caused this one, if any.</param>
    public GreetingValidationException(string field, string reason, Exception? innerException)
        : base($"{field}: {reason}", field, innerException)
    {
        Field = field;
        Reason = reason;
    }

    /// <summary>Gets what is wrong, such as <c>Name</c> or <c>Content</c>.</summary>
    public string Field { get; }

    /// <summary>Gets why it is refused.</summary>
    public string Reason { get; }

    /// <inheritdoc/>
    public override string Message => string.IsNullOrEmpty(Field) ? base.Message : $"{Field}: {Reason}";
}
