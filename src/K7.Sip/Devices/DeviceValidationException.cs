namespace K7.Sip.Devices;

/// <summary>A device, or a change to one, breaks a rule of the Phones page; nothing was changed.</summary>
/// <remarks><see cref="Field"/> names the offending field (<c>Suffix</c>, <c>MacAddress</c>), and <see cref="Reason"/>
/// says why in words a portal can show next to it.</remarks>
public sealed class DeviceValidationException : ArgumentException
{
    /// <summary>Initializes a new instance of the <see cref="DeviceValidationException"/> class.</summary>
    public DeviceValidationException()
    {
        Field = string.Empty;
        Reason = string.Empty;
    }

    /// <summary>Initializes a new instance of the <see cref="DeviceValidationException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    public DeviceValidationException(string message)
        : base(message)
    {
        Field = string.Empty;
        Reason = message;
    }

    /// <summary>Initializes a new instance of the <see cref="DeviceValidationException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The error that caused this one.</param>
    public DeviceValidationException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
        Reason = message;
    }

    /// <summary>Initializes a new instance of the <see cref="DeviceValidationException"/> class.</summary>
    /// <param name="field">The offending field.</param>
    /// <param name="reason">Why the value is not accepted.</param>
    /// <param name="innerException">The error that caused this one, if any.</param>
    public DeviceValidationException(string field, string reason, Exception? innerException)
        : base($"{field}: {reason}", field, innerException)
    {
        Field = field;
        Reason = reason;
    }

    /// <summary>Gets the offending field.</summary>
    public string Field { get; }

    /// <summary>Gets why the value is not accepted.</summary>
    public string Reason { get; }

    /// <inheritdoc/>
    public override string Message => string.IsNullOrEmpty(Field) ? base.Message : $"{Field}: {Reason}";
}
