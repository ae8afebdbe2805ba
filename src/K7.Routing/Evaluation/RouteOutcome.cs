namespace K7.Routing;

/// <summary>What happens to a call.</summary>
public enum RouteOutcome
{
    /// <summary>The call is rejected (a blocked or an anonymous caller).</summary>
    Reject,

    /// <summary>The call goes to the user's voicemail box (<see cref="RouteDecision.Destination"/>).</summary>
    Voicemail,

    /// <summary>The call is disconnected (where voicemail would apply but the user has none).</summary>
    Disconnect,

    /// <summary>The call is forwarded to <see cref="RouteDecision.Destination"/>.</summary>
    Forward,

    /// <summary>The targets ring (<see cref="RouteDecision.Targets"/>), with the fallbacks of the decision.</summary>
    Ring,
}
