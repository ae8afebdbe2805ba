using System.Text;
using System.Text.Json;

namespace K7.Routing;

/// <summary>The properties one JSON object of the format may have, in the order their bits are numbered, and which of
/// them are required.</summary>
internal sealed class RoutingJsonProperties
{
    public static readonly RoutingJsonProperties RuleSet = new(
        "a rule set", 0b1, "user", "ringTimeoutSeconds", "voicemail", "blockAnonymous", "allow", "block", "default", "rules");

    public static readonly RoutingJsonProperties Entry = new("a list entry", 0b1, "number", "name");
    public static readonly RoutingJsonProperties Rule = new("a rule", 0b1, "timeFrame", "enabled", "doNotDisturb", "callScreening", "forwarding", "ring");
    public static readonly RoutingJsonProperties DefaultRule = new("the default rule", 0, "enabled", "doNotDisturb", "callScreening", "forwarding", "ring");
    public static readonly RoutingJsonProperties Forwarding = new(
        "forwarding", 0, "always", "onActive", "whenBusy", "whenUnanswered", "whenOffline", "onDoNotDisturb");

    public static readonly RoutingJsonProperties Destination = new("a destination", 0b11, "kind", "value");
    public static readonly RoutingJsonProperties Ring = new(
        "a ring", 0b1, "mode", "includeUserExtension", "ringAllUserPhones", "answerConfirmationForOffNet", "targets");

    public static readonly RoutingJsonProperties Target = new("a ring target", 0b1, "destination", "delaySeconds");

    private readonly byte[][] _utf8;

    private RoutingJsonProperties(string description, int required, params string[] names)
    {
        Description = description;
        Required = required;
        Names = names;
        _utf8 = new byte[names.Length][];
        for (var i = 0; i < names.Length; i++)
        {
            _utf8[i] = Encoding.UTF8.GetBytes(names[i]);
        }
    }

    /// <summary>Gets what the object is, for messages: "a ring target".</summary>
    public string Description { get; }

    /// <summary>Gets the bits of the required properties; every other property may be left out or be <c>null</c>.</summary>
    public int Required { get; }

    /// <summary>Gets the property names.</summary>
    public string[] Names { get; }

    /// <summary>Returns the index of the property name under <paramref name="reader"/>, or -1.</summary>
    public int IndexOf(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < _utf8.Length; i++)
        {
            if (reader.ValueTextEquals(_utf8[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
