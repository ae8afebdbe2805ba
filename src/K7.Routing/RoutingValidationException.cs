namespace K7.Routing;

/// <summary>Answering rules, or a change to them, are invalid; nothing was applied.</summary>
/// <remarks><see cref="Field"/> names the offending field as a path (<c>Rules[2].Forwarding.WhenBusy</c>), and
/// <see cref="Reason"/> says why in words a portal can show next to that field.</remarks>
public sealed class RoutingValidationException : ArgumentException
{
    /// <summary>Initializes a new instance of the <see cref="RoutingValidationException"/> class.</summary>
    public RoutingValidationException()
    {
        Field = string.Empty;
        Reason = string.Empty;
    }

    /// <summary>Initializes a new instance of the <see cref="RoutingValidationException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    public RoutingValidationException(string message)
        : base(message)
    {
        Field = string.Empty;
        Reason = message;
    }

    /// <summary>Initializes a new instance of the <see cref="RoutingValidationException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The error that caused this one.</param>
    public RoutingValidationException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
        Reason = message;
    }

    /// <summary>Initializes a new instance of the <see cref="RoutingValidationException"/> class.</summary>
    /// <param name="field">The path of the offending field.</param>
    /// <param name="reason">Why the value is not accepted.</param>
    /// <param name="innerException">The error that caused this one, if any.</param>
    public RoutingValidationException(string field, string reason, Exception? innerException)
        : base($"{field}: {reason}", field, innerException)
    {
        Field = field;
        Reason = reason;
    }

    /// <summary>Gets the path of the offending field.</summary>
    public string Field { get; }

    /// <summary>Gets why the value is not accepted.</summary>
    public string Reason { get; }

    /// <inheritdoc/>
    public override string Message => string.IsNullOrEmpty(Field) ? base.Message : $"{Field}: {Reason}";
}
