namespace K7.Routing;

/// <summary>What routing needs to know about an incoming call: who calls.</summary>
/// <param name="CallerNumber">The caller's number as received (any common format, or a canonical E.164 number); <see langword="null"/> or empty when withheld.</param>
/// <param name="CallerName">The calling name passed with the call; <see langword="null"/> or empty when the caller passes none (anonymous or unknown).</param>
public readonly record struct IncomingCall(string? CallerNumber, string? CallerName)
{
    /// <summary>Gets a value indicating whether the caller passes no calling name, or withholds the number: "anonymous or unknown".</summary>
    public bool IsAnonymous =>
        string.IsNullOrWhiteSpace(CallerName)
        || string.IsNullOrWhiteSpace(CallerNumber)
        || string.Equals(CallerName, "anonymous", StringComparison.OrdinalIgnoreCase)
        || string.Equals(CallerNumber, "anonymous", StringComparison.OrdinalIgnoreCase);
}
