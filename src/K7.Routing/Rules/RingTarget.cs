using NodaTime;

namespace K7.Routing;

/// <summary>An extra destination of a simultaneous ring, started after a delay of 0 to 10 seconds.</summary>
/// <param name="Destination">What rings: a device, a user, or an off-net number.</param>
/// <param name="Delay">How long after the call arrives this destination starts ringing; whole seconds, 0–10.</param>
public sealed record RingTarget(Destination Destination, Duration Delay)
{
    /// <summary>The longest delay the portal allows.</summary>
    public static readonly Duration MaxDelay = Duration.FromSeconds(10);

    /// <summary>Initializes a new instance of the <see cref="RingTarget"/> class that rings at once.</summary>
    /// <param name="destination">What rings.</param>
    public RingTarget(Destination destination)
        : this(destination, Duration.Zero)
    {
    }
}
