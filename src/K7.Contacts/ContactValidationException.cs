namespace K7.Contacts;

/// <summary>A contact, or a change to one, breaks a rule; nothing was applied or stored.</summary>
/// <remarks>
/// <see cref="Field"/> names the offending field (<c>FirstName</c>, <c>Extension</c>, <c>MobileNumber</c>…) and
/// <see cref="Reason"/> says why, in words a portal can show next to that field.
/// </remarks>
public sealed class ContactValidationException : ArgumentException
{
    /// <summary>Initializes a new instance of the <see cref="ContactValidationException"/> class.</summary>
    public ContactValidationException()
    {
        Field = string.Empty;
        Reason = string.Empty;
    }

    /// <summary>Initializes a new instance of the <see cref="ContactValidationException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    public ContactValidationException(string message)
        : base(message)
    {
        Field = string.Empty;
        Reason = message;
    }

    /// <summary>Initializes a new instance of the <see cref="ContactValidationException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The error that caused this one.</param>
    public ContactValidationException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
        Reason = message;
    }

    /// <summary>Initializes a new instance of the <see cref="ContactValidationException"/> class.</summary>
    /// <param name="field">The offending field.</param>
    /// <param name="reason">Why the value is not accepted.</param>
    /// <param name="innerException">The error that caused this one, if any.</param>
    public ContactValidationException(string field, string reason, Exception? innerException)
        : base($"{field}: {reason}", field, innerException)
    {
        Field = field;
        Reason = reason;
    }

    /// <summary>Gets the offending field, such as <c>Extension</c> or <c>Email</c>.</summary>
    public string Field { get; }

    /// <summary>Gets why the value is not accepted.</summary>
    public string Reason { get; }

    /// <inheritdoc/>
    public override string Message => string.IsNullOrEmpty(Field) ? base.Message : $"{Field}: {Reason}";
}
