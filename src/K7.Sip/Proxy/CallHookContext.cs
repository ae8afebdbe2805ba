namespace K7.Sip.Proxy;

/// <summary>What a media hook knows of a call.</summary>
/// <param name="CallId">The caller's Call-ID.</param>
/// <param name="CalledUser">The user called.</param>
/// <param name="Caller">The caller's number or user, if any.</param>
/// <param name="CallerName">The caller's display name, if any.</param>
/// <param name="Device">For answer confirmation, the off-net number that answered; otherwise <see langword="null"/>.</param>
public sealed record CallHookContext(string CallId, string CalledUser, string? Caller, string? CallerName, string? Device);
