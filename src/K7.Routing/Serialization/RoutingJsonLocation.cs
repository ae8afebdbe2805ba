using K7.Json;

namespace K7.Routing;

/// <summary>The rule-set JSON names of model fields, for error paths (the rest is <see cref="JsonLocation"/>).</summary>
internal static class RoutingJsonLocation
{
    /// <summary>Converts a <see cref="RoutingValidationException.Field"/> (<c>Rules[2].SimultaneousRing.Targets[0].Delay</c>)
    /// to the JSON path below the rule set (<c>.rules[2].ring.targets[0].delaySeconds</c>).</summary>
    public static string FromField(string field) => JsonLocation.FromField(field, PropertyOf);

    /// <summary>The JSON property of a model property, where the format names it differently.</summary>
    private static string PropertyOf(string field) => field switch
    {
        "UserId" => "user",
        "RingTimeout" => "ringTimeoutSeconds",
        "VoicemailEnabled" => "voicemail",
        "AllowList" => "allow",
        "BlockList" => "block",
        "SimultaneousRing" => "ring",
        "Delay" => "delaySeconds",
        _ => string.Concat(field[..1].ToLowerInvariant(), field[1..]),
    };
}
