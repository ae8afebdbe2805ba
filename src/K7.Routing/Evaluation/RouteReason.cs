namespace K7.Routing;

/// <summary>Which row of the precedence table decided a call (see docs/routing.md).</summary>
public enum RouteReason
{
    /// <summary>Row 1: the caller is on the block list.</summary>
    BlockList = 1,

    /// <summary>Row 2: the caller is anonymous or unknown and "block anonymous or unknown" is on.</summary>
    AnonymousCaller = 2,

    /// <summary>Row 4: the active rule has do not disturb on.</summary>
    DoNotDisturb = 4,

    /// <summary>Row 5: the active rule forwards every call.</summary>
    ForwardAlways = 5,

    /// <summary>Row 6: the user has no registered device and the rule forwards when offline.</summary>
    Offline = 6,

    /// <summary>Row 7: the user is on a call and the rule forwards on active.</summary>
    OnActive = 7,

    /// <summary>Row 8: the targets ring.</summary>
    Ring = 8,
}
